import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import Database from 'better-sqlite3';
import path from 'node:path';
import { sqliteAdapterFactory } from './create-client';
import { NO_FILTERS, readMigrationList, withSchemaEngine } from './schema-engine';
import { parseDatabaseUrl } from './url';

export const SCHEMA_PATH = path.resolve('prisma/schema.prisma');

export function migrationsDir(engine: 'sqlite') {
  return path.resolve('prisma/migrations', engine);
}

/**
 * Applies every migration in prisma/migrations/<engine> that the database has not seen yet,
 * exactly as `prisma migrate deploy` would. A new database file is created; an up-to-date one is
 * left alone. Returns the names of the migrations applied.
 */
export async function migrateDatabase(databaseUrl?: string): Promise<string[]> {
  const target = parseDatabaseUrl(databaseUrl);
  const schema = { path: SCHEMA_PATH, content: await readFile(SCHEMA_PATH, 'utf8') };
  const migrationsList = await readMigrationList(migrationsDir(target.engine), 'sqlite');
  // Up to date: done without the schema engine, which needs the database file to itself and
  // would otherwise wait on a running server (and time out).
  const applied = new Set(appliedMigrations(target.file));
  const pending = migrationsList.migrationDirectories.filter((d) => !applied.has(d.path));
  if (pending.length === 0) return [];
  return withSchemaEngine(
    sqliteAdapterFactory(target.url).migrationAware,
    schema,
    async (engine) => {
      const { appliedMigrationNames } = await engine.applyMigrations({
        migrationsList,
        filters: NO_FILTERS,
      });
      return appliedMigrationNames;
    },
  );
}

/** Names of the migrations recorded as finished in the database, read without locking it. */
function appliedMigrations(file: string): string[] {
  if (file === ':memory:' || !existsSync(file)) return [];
  const database = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const table = database
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'",
      )
      .get();
    if (!table) return [];
    const rows = database
      .prepare(
        'SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
      )
      .all() as { name: string }[];
    return rows.map((row) => row.name);
  } finally {
    database.close();
  }
}
