import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateDatabase, migrationsDir, SCHEMA_EXTRAS, schemaPath } from './migrate';
import { postgresAdapterFactory, sqliteAdapterFactory } from './create-client';
import { NO_FILTERS, readMigrationList, withSchemaEngine } from './schema-engine';
import { parseDatabaseUrl, type Engine } from './url';

// A database migrated from the first migration to the last must equal one created straight from the
// current schema (plus the search SQL Prisma cannot describe). Runs on the engine of the run's
// DATABASE_URL: SQLite by default, PostgreSQL when the suite runs against a PostgreSQL server.

const runUrl = process.env.DATABASE_URL ?? '';
const engine: Engine = parseDatabaseUrl(runUrl || undefined).engine;
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function emptyDatabase(): Promise<string> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'keydesk-migrations-'));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    return `file:${path.join(dir, 'db.sqlite')}`;
  }
  const name = `keydesk_migrations_${randomBytes(4).toString('hex')}`;
  const server = new URL(runUrl);
  server.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  cleanups.push(async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });
  const url = new URL(runUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Creates the current schema in one step, the way a brand-new installation would be made. */
async function createFromSchema(url: string) {
  const file = schemaPath(engine);
  const schema = { path: file, content: readFileSync(file, 'utf8') };
  const factory =
    engine === 'postgresql'
      ? postgresAdapterFactory(url)
      : sqliteAdapterFactory(url).migrationAware;
  const { stdout } = await withSchemaEngine(factory, schema, (schemaEngine) =>
    schemaEngine.diff({
      from: { tag: 'empty' },
      to: { tag: 'schemaDatamodel', files: [schema] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    }),
  );
  const extras = SCHEMA_EXTRAS[engine].map(({ file }) => readFileSync(file, 'utf8'));
  const script = [stdout ?? '', ...extras].join('\n');
  if (engine === 'postgresql') {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(script);
    await client.end();
  } else {
    const db = new Database(parseDatabaseUrl(url).engine === 'sqlite' ? url.slice(5) : url);
    db.exec(script);
    db.close();
  }
}

/** Tables, columns (type, nullability, default), indexes and triggers, in a comparable form. */
async function describe_(url: string): Promise<string[]> {
  if (engine === 'postgresql') {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const columns = await client.query(`
      SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' ||
             coalesce(column_default, '') || ' ' || coalesce(collation_name, '') || ' ' ||
             coalesce(generation_expression, '') AS line
      FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`);
    const indexes = await client.query(`
      SELECT indexdef AS line FROM pg_indexes
      WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`);
    const constraints = await client.query(`
      SELECT conrelid::regclass || ' ' || pg_get_constraintdef(oid) AS line FROM pg_constraint
      WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_prisma_migrations'`);
    const options = await client.query(`
      SELECT 'table ' || relname || ' ' || array_to_string(reloptions, ',') AS line FROM pg_class
      WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' AND reloptions IS NOT NULL`);
    const extensions = await client.query(
      `SELECT 'extension ' || extname AS line FROM pg_extension`,
    );
    await client.end();
    return [
      ...columns.rows,
      ...indexes.rows,
      ...constraints.rows,
      ...options.rows,
      ...extensions.rows,
    ]
      .map((row) => String(row.line))
      .sort();
  }
  const db = new Database(url.slice('file:'.length), { readonly: true });
  const lines: string[] = [];
  const objects = db
    .prepare(
      "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'",
    )
    .all() as { type: string; name: string; tbl_name: string; sql: string | null }[];
  for (const object of objects) {
    if (object.type === 'table') {
      for (const column of db.prepare(`PRAGMA table_xinfo("${object.name}")`).all() as Record<
        string,
        unknown
      >[]) {
        lines.push(
          `${object.name}.${column.name} ${column.type} notnull=${column.notnull} default=${column.dflt_value} pk=${column.pk}`,
        );
      }
      for (const key of db.prepare(`PRAGMA foreign_key_list("${object.name}")`).all() as Record<
        string,
        unknown
      >[]) {
        lines.push(
          `${object.name} fk ${key.from} -> ${key.table}.${key.to} ${key.on_update} ${key.on_delete}`,
        );
      }
    } else if (object.type === 'index') {
      const columns = (
        db.prepare(`PRAGMA index_info("${object.name}")`).all() as { name: string }[]
      ).map((c) => c.name);
      const unique = (
        db.prepare(`PRAGMA index_list("${object.tbl_name}")`).all() as {
          name: string;
          unique: number;
        }[]
      ).find((index) => index.name === object.name)?.unique;
      lines.push(
        `index ${object.name} on ${object.tbl_name}(${columns.join(',')}) unique=${unique}`,
      );
    } else if (object.type === 'trigger') {
      // Its whole statement: a trigger a migration left behind the schema's extras still fires.
      lines.push(
        `trigger ${object.name} on ${object.tbl_name}: ${object.sql?.replace(/\s+/g, ' ')}`,
      );
    } else {
      lines.push(`${object.type} ${object.name} on ${object.tbl_name}`);
    }
  }
  db.close();
  return lines.sort();
}

describe(`migrations (${engine})`, () => {
  it('applied one by one from the first, give the database the current schema describes', async () => {
    const migrated = await emptyDatabase();
    const applied = await migrateDatabase(migrated);
    const all = await readMigrationList(migrationsDir(engine), engine);
    expect(applied).toEqual(all.migrationDirectories.map((directory) => directory.path));

    const fresh = await emptyDatabase();
    await createFromSchema(fresh);

    const [fromMigrations, fromSchema] = await Promise.all([describe_(migrated), describe_(fresh)]);
    expect(fromMigrations.length).toBeGreaterThan(50);
    expect(fromMigrations).toEqual(fromSchema);
  });

  it('are applied once: a second run applies nothing', async () => {
    const url = await emptyDatabase();
    await migrateDatabase(url);
    expect(await migrateDatabase(url)).toEqual([]);
  });
});
