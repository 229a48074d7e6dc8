// `npm run db:migration -- <name>`: writes, for every engine, the migration that takes a database
// from the schema of the last migration (prisma/last-migration.prisma) to prisma/schema.prisma, in
// Prisma's folder format: prisma/migrations/sqlite/<stamp>_<name>/ and prisma/migrations/postgresql/….
// The native `prisma migrate dev` cannot run offline; this uses the same engine, compiled to WebAssembly.
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { postgresAdapterFactory, sqliteAdapterFactory } from '@/lib/database/create-client';
import { migrationsDir, SCHEMA_EXTRAS, SCHEMA_PATH, schemaPath } from '@/lib/database/migrate';
import { lockfileFor, NO_FILTERS, withSchemaEngine } from '@/lib/database/schema-engine';
import type { Engine } from '@/lib/database/url';

const SNAPSHOT = path.resolve('prisma/last-migration.prisma');
const name = (process.argv[2] ?? '').replace(/[^a-z0-9_]+/gi, '_').toLowerCase();
if (!name) {
  console.error('usage: npm run db:migration -- <name>');
  process.exit(2);
}

/** The same schema text for another engine: only the datasource provider differs. */
function forEngine(schema: string, engine: Engine) {
  return engine === 'postgresql'
    ? schema.replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    : schema;
}

function postgresUrl(): string {
  const url = [process.env.DATABASE_URL, process.env.KEYDESK_PG_URL].find((u) =>
    u?.startsWith('postgres'),
  );
  if (url) return url;
  console.error(
    'Writing the PostgreSQL migration needs a PostgreSQL server (it reads no data). Start a throwaway one:\n' +
      '  KEYDESK_PG_URL=$(scripts/postgres-server.sh start) npm run db:migration -- <name>\n' +
      'or set KEYDESK_MIGRATION_ENGINES=sqlite to write the SQLite migration alone.',
  );
  process.exit(1);
}

const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const current = await readFile(SCHEMA_PATH, 'utf8');
const previous = existsSync(SNAPSHOT) ? await readFile(SNAPSHOT, 'utf8') : null;
const engines = (process.env.KEYDESK_MIGRATION_ENGINES ?? 'sqlite,postgresql').split(
  ',',
) as Engine[];
let wrote = 0;

for (const engine of engines) {
  const history = migrationsDir(engine);
  // An engine with no migrations yet starts from an empty database: its first migration is the whole schema.
  const hasHistory = existsSync(path.join(history, 'migration_lock.toml'));
  const to = { path: schemaPath(engine), content: forEngine(current, engine) };
  const from =
    hasHistory && previous !== null
      ? {
          tag: 'schemaDatamodel' as const,
          files: [{ path: SNAPSHOT, content: forEngine(previous, engine) }],
        }
      : { tag: 'empty' as const };
  // Diffing two schemas reads no data, but the PostgreSQL engine connects to a server on start.
  const factory =
    engine === 'postgresql'
      ? postgresAdapterFactory(postgresUrl())
      : sqliteAdapterFactory('file::memory:').migrationAware;
  const result = await withSchemaEngine(factory, to, (schemaEngine) =>
    schemaEngine.diff({
      from,
      to: { tag: 'schemaDatamodel', files: [to] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    }),
  );
  const sql = result.stdout ?? '';
  if (!sql.trim() || /^-- This is an empty migration\.?\s*$/.test(sql.trim())) {
    console.log(`${engine}: the schema has not changed since the last migration.`);
    continue;
  }
  let extra = '';
  for (const { file, when } of SCHEMA_EXTRAS[engine]) {
    if (when.test(sql)) extra += `\n${await readFile(file, 'utf8')}`;
  }
  const dir = path.join(history, `${stamp}_${hasHistory ? name : 'init'}`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'migration.sql'), sql + extra);
  if (!hasHistory) await writeFile(path.join(history, 'migration_lock.toml'), lockfileFor(engine));
  console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  wrote += 1;
}
if (wrote > 0) await copyFile(SCHEMA_PATH, SNAPSHOT);
