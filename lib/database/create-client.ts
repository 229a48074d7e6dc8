import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import type { Database as BetterSqlite3 } from 'better-sqlite3';
import pg from 'pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { PrismaClient as PostgresPrismaClient } from '@/lib/generated/prisma-postgresql/client';
import { DEFAULT_POOL, type PoolSettings } from './pool';
import { postgresDirect, sqliteDirect, type DirectSql } from './direct';
import { serializedAdapterFactory, type Queue } from './serialized-adapter';
import { cachePreparedStatements } from './statement-cache';
import { observedAdapterFactory } from './statement-log';
import { parseDatabaseUrl } from './url';

/** How long a statement waits for another process's write lock before failing, in ms. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * The pragmas every Keydesk SQLite connection runs with: WAL so readers never block the writer,
 * a busy timeout so a second process (a seed, a migration) waits instead of failing,
 * and foreign keys enforced.
 */
export const SQLITE_PRAGMAS = [
  'PRAGMA journal_mode = WAL',
  `PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`,
  'PRAGMA foreign_keys = ON',
  'PRAGMA synchronous = NORMAL',
].join(';\n');

export { DEFAULT_POOL, type PoolSettings } from './pool';

export function sqliteAdapterFactory(databaseUrl?: string) {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.engine !== 'sqlite') throw new Error('not a SQLite DATABASE_URL');
  if (target.file !== ':memory:') mkdirSync(path.dirname(target.file), { recursive: true });
  const inner = new PrismaBetterSqlite3({ url: target.url, timeout: SQLITE_BUSY_TIMEOUT_MS });
  return {
    migrationAware: inner,
    async connectWithPragmas() {
      const adapter = await inner.connect();
      await adapter.executeScript(SQLITE_PRAGMAS);
      // The adapter keeps its better-sqlite3 connection as `client`.
      cachePreparedStatements((adapter as unknown as { client: BetterSqlite3 }).client);
      return adapter;
    },
  };
}

function postgresPool(databaseUrl: string, pool: PoolSettings = DEFAULT_POOL) {
  const connections = new pg.Pool({
    connectionString: databaseUrl,
    max: pool.max,
    connectionTimeoutMillis: pool.connectionTimeoutMillis,
    idleTimeoutMillis: pool.idleTimeoutMillis,
    statement_timeout: pool.statementTimeoutMillis,
    application_name: 'keydesk',
    // No JIT compilation: PostgreSQL compiles a statement it estimates dear (cost over 100,000),
    // which took 290 ms for a search of a million keys that reads in 300 ms. Keydesk's statements
    // are short.
    options: '-c jit=off',
  });
  // An idle connection the server closes (a restart, a failover) is an 'error' of the pool: without
  // a listener it would end the process. The pool opens another when one is needed.
  connections.on('error', (error) =>
    console.error(
      JSON.stringify({
        level: 'warn',
        time: new Date().toISOString(),
        message: 'An idle PostgreSQL connection was closed; the pool opens another when needed',
        error: error.message,
      }),
    ),
  );
  return connections;
}

export function postgresAdapterFactory(databaseUrl: string, pool: PoolSettings = DEFAULT_POOL) {
  return new PrismaPg(postgresPool(databaseUrl, pool), { disposeExternalPool: true });
}

// On the client object itself, under a registry symbol: a module loaded again (tests that
// reset modules) still finds the direct path of a client made by an earlier copy.
const DIRECT = Symbol.for('keydesk.directSql');
const directOf = {
  get: (client: object) => (client as { [DIRECT]?: DirectSql })[DIRECT],
  set: (client: object, direct: DirectSql) =>
    Object.defineProperty(client, DIRECT, { value: direct, enumerable: false }),
};

/**
 * The direct path (lib/database/direct.ts) of a client made here: the same SQLite connection and
 * statement queue, or the same PostgreSQL pool.
 */
export function directSql(client: PrismaClient): DirectSql {
  const direct = directOf.get(client);
  if (!direct) throw new Error('not a client of createPrismaClient');
  return direct;
}

/**
 * A Prisma client for a DATABASE_URL. The app holds one (lib/db.ts); tests and scripts make their
 * own. Both engines' clients come from the one schema and have the same API; the PostgreSQL one is
 * typed as the SQLite one, which is the narrower of the two.
 */
export function createPrismaClient(databaseUrl?: string, pool?: PoolSettings): PrismaClient {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.engine === 'postgresql') {
    const connections = postgresPool(target.url, pool);
    const client = new PostgresPrismaClient({
      adapter: observedAdapterFactory(new PrismaPg(connections, { disposeExternalPool: true })),
    }) as unknown as PrismaClient;
    directOf.set(client, postgresDirect(connections));
    // Prisma ends the pool only if it connected itself; the direct path may have used it alone.
    const disconnect = client.$disconnect.bind(client);
    client.$disconnect = async () => {
      await disconnect();
      if (!connections.ended) await connections.end();
    };
    return client;
  }
  const sqlite = sqliteAdapterFactory(target.url);
  let connected: { client: BetterSqlite3; queue: Queue } | undefined;
  const adapter = observedAdapterFactory(
    serializedAdapterFactory(
      {
        provider: sqlite.migrationAware.provider,
        adapterName: sqlite.migrationAware.adapterName,
        connect: sqlite.connectWithPragmas,
      },
      (made) => (connected = made as { client: BetterSqlite3; queue: Queue }),
    ),
  );
  const client = new PrismaClient({ adapter });
  directOf.set(
    client,
    sqliteDirect(async () => {
      if (!connected) await client.$connect();
      return connected!;
    }),
  );
  return client;
}

export type Database = PrismaClient;
