import { readFile } from 'node:fs/promises';
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
