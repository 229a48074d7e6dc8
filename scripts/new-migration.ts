// `npm run db:migration -- <name>`: writes the migration that takes the database from the schema of the
// last migration (prisma/last-migration.prisma) to prisma/schema.prisma, in Prisma's folder format.
// The native `prisma migrate dev` cannot run offline; this uses the same engine, compiled to WebAssembly.
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sqliteAdapterFactory } from '@/lib/database/create-client';
import { migrationsDir, SCHEMA_PATH } from '@/lib/database/migrate';
import { lockfileFor, NO_FILTERS, withSchemaEngine } from '@/lib/database/schema-engine';

const SNAPSHOT = path.resolve('prisma/last-migration.prisma');
const name = (process.argv[2] ?? '').replace(/[^a-z0-9_]+/gi, '_').toLowerCase();
if (!name) {
  console.error('usage: npm run db:migration -- <name>');
  process.exit(2);
}

const current = { path: SCHEMA_PATH, content: await readFile(SCHEMA_PATH, 'utf8') };
const from = existsSync(SNAPSHOT)
  ? {
      tag: 'schemaDatamodel' as const,
      files: [{ path: SNAPSHOT, content: await readFile(SNAPSHOT, 'utf8') }],
    }
  : { tag: 'empty' as const };

const result = await withSchemaEngine(
  sqliteAdapterFactory('file::memory:').migrationAware,
  current,
  (engine) =>
    engine.diff({
      from,
      to: { tag: 'schemaDatamodel', files: [current] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    }),
);
// The engine prints the script through its log callback in some versions and returns it in others.
const sql = result.stdout ?? '';
if (!sql.trim() || /^-- This is an empty migration\.?\s*$/.test(sql.trim())) {
  console.log('The schema has not changed since the last migration: nothing to write.');
  process.exit(0);
}

let extra = '';
// SQLite redefines a table by dropping and re-creating it, which drops its triggers: re-create the
// customer search triggers whenever the Customer table is redefined.
if (/DROP TABLE "Customer"/.test(sql)) {
  extra = '\n' + (await readFile(path.resolve('prisma/sql/sqlite-customer-search.sql'), 'utf8'));
}

const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const dir = path.join(migrationsDir('sqlite'), `${stamp}_${name}`);
await mkdir(dir, { recursive: true });
await writeFile(path.join(dir, 'migration.sql'), sql + extra);
const lock = path.join(migrationsDir('sqlite'), 'migration_lock.toml');
if (!existsSync(lock)) await writeFile(lock, lockfileFor('sqlite'));
await copyFile(SCHEMA_PATH, SNAPSHOT);
console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
