import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { postgresAdapterFactory, sqliteAdapterFactory } from './create-client';
import { NO_FILTERS, readMigrationList, withSchemaEngine } from './schema-engine';
import { parseDatabaseUrl, type DatabaseTarget, type Engine } from './url';

export const SCHEMA_PATH = path.resolve('prisma/schema.prisma');
/** The schema for PostgreSQL: prisma/schema.prisma with its provider changed (scripts/prisma-generate.mjs). */
export const POSTGRES_SCHEMA_PATH = path.resolve('lib/generated/schema.postgresql.prisma');

/**
 * SQL Prisma's schema cannot describe (prisma/sql/), per engine: a database is the schema plus these.
 * `npm run db:migration` adds a file to a new migration when the migration rebuilds the table it
 * hangs on (`when`).
 */
export const SCHEMA_EXTRAS: Record<Engine, { file: string; when: RegExp }[]> = {
  sqlite: [
    { file: 'prisma/sql/sqlite-customer-search.sql', when: /DROP TABLE "Customer"/ },
    { file: 'prisma/sql/sqlite-license-key-search.sql', when: /DROP TABLE "LicenseKey"/ },
    { file: 'prisma/sql/sqlite-license-key-at-limit.sql', when: /DROP TABLE "LicenseKey"/ },
  ],
  postgresql: [
    { file: 'prisma/sql/postgresql-customer-search.sql', when: /(DROP|CREATE) TABLE "Customer"/ },
    {
      file: 'prisma/sql/postgresql-license-key-search.sql',
      when: /(DROP|CREATE) TABLE "LicenseKey"/,
    },
    {
      file: 'prisma/sql/postgresql-license-key-at-limit.sql',
      when: /(DROP|CREATE) TABLE "LicenseKey"/,
    },
  ],
};

export function migrationsDir(engine: Engine) {
  return path.resolve('prisma/migrations', engine);
}

export function schemaPath(engine: Engine) {
  return engine === 'postgresql' ? POSTGRES_SCHEMA_PATH : SCHEMA_PATH;
}

/**
 * Applies every migration in prisma/migrations/<engine> that the database has not seen yet,
 * exactly as `prisma migrate deploy` would. A new SQLite file is created; PostgreSQL's database must
 * exist. An up-to-date database is left alone. Returns the names of the migrations applied.
 */
export async function migrateDatabase(databaseUrl?: string): Promise<string[]> {
  const target = parseDatabaseUrl(databaseUrl);
  const file = schemaPath(target.engine);
  const schema = { path: file, content: await readFile(file, 'utf8') };
  const migrationsList = await readMigrationList(migrationsDir(target.engine), target.engine);
  // Up to date: done without the schema engine, which on SQLite needs the file to itself and
  // would otherwise wait on a running server (and time out).
  const applied = new Set(await appliedMigrations(target));
  const pending = migrationsList.migrationDirectories.filter((d) => !applied.has(d.path));
  if (pending.length === 0) return [];
  const factory =
    target.engine === 'postgresql'
      ? postgresAdapterFactory(target.url, { ...DEFAULT_MIGRATION_POOL })
      : sqliteAdapterFactory(target.url).migrationAware;
  return withSchemaEngine(factory, schema, async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList,
      filters: NO_FILTERS,
    });
    return appliedMigrationNames;
  });
}

const DEFAULT_MIGRATION_POOL = {
  max: 2,
  connectionTimeoutMillis: 10_000,
  idleTimeoutMillis: 1_000,
  statementTimeoutMillis: 600_000,
};

const APPLIED_SQL =
  'SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL';

/** Names of the migrations recorded as finished in the database, read without locking it. */
async function appliedMigrations(target: DatabaseTarget): Promise<string[]> {
  if (target.engine === 'postgresql') {
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    try {
      const table = await client.query("SELECT to_regclass('_prisma_migrations') AS name");
      if (!table.rows[0]?.name) return [];
      const rows = await client.query<{ name: string }>(APPLIED_SQL);
      return rows.rows.map((row) => row.name);
    } finally {
      await client.end();
    }
  }
  if (target.file === ':memory:' || !existsSync(target.file)) return [];
  const database = new Database(target.file, { readonly: true, fileMustExist: true });
  try {
    const table = database
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'",
      )
      .get();
    if (!table) return [];
    const rows = database.prepare(APPLIED_SQL).all() as { name: string }[];
    return rows.map((row) => row.name);
  } finally {
    database.close();
  }
}
