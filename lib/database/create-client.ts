import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { PrismaClient as PostgresPrismaClient } from '@/lib/generated/prisma-postgresql/client';
import { DEFAULT_POOL, type PoolSettings } from './pool';
import { serializedAdapterFactory } from './serialized-adapter';
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
      return adapter;
    },
  };
}

export function postgresAdapterFactory(databaseUrl: string, pool: PoolSettings = DEFAULT_POOL) {
  return new PrismaPg({
    connectionString: databaseUrl,
    max: pool.max,
    connectionTimeoutMillis: pool.connectionTimeoutMillis,
    idleTimeoutMillis: pool.idleTimeoutMillis,
    statement_timeout: pool.statementTimeoutMillis,
    application_name: 'keydesk',
  });
}

/**
 * A Prisma client for a DATABASE_URL. The app holds one (lib/db.ts); tests and scripts make their
 * own. Both engines' clients come from the one schema and have the same API; the PostgreSQL one is
 * typed as the SQLite one, which is the narrower of the two.
 */
export function createPrismaClient(databaseUrl?: string, pool?: PoolSettings): PrismaClient {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.engine === 'postgresql') {
    const client = new PostgresPrismaClient({ adapter: postgresAdapterFactory(target.url, pool) });
    return client as unknown as PrismaClient;
  }
  const sqlite = sqliteAdapterFactory(target.url);
  const adapter = serializedAdapterFactory({
    provider: sqlite.migrationAware.provider,
    adapterName: sqlite.migrationAware.adapterName,
    connect: sqlite.connectWithPragmas,
  });
  return new PrismaClient({ adapter });
}

export type Database = PrismaClient;
