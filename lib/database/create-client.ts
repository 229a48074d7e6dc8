import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { serializedAdapterFactory } from './serialized-adapter';
import { parseDatabaseUrl } from './url';

/** How long a statement waits for another process's write lock before failing, in ms. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * The pragmas every Keydesk connection runs with: WAL so readers never block the writer,
 * a busy timeout so a second process (a seed, a migration) waits instead of failing,
 * and foreign keys enforced.
 */
export const SQLITE_PRAGMAS = [
  'PRAGMA journal_mode = WAL',
  `PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`,
  'PRAGMA foreign_keys = ON',
  'PRAGMA synchronous = NORMAL',
].join(';\n');

export function sqliteAdapterFactory(databaseUrl?: string) {
  const target = parseDatabaseUrl(databaseUrl);
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

/** A Prisma client for a DATABASE_URL. The app holds one (lib/db.ts); tests and scripts make their own. */
export function createPrismaClient(databaseUrl?: string) {
  const sqlite = sqliteAdapterFactory(databaseUrl);
  const adapter = serializedAdapterFactory({
    provider: sqlite.migrationAware.provider,
    adapterName: sqlite.migrationAware.adapterName,
    connect: sqlite.connectWithPragmas,
  });
  return new PrismaClient({ adapter });
}

export type Database = ReturnType<typeof createPrismaClient>;
