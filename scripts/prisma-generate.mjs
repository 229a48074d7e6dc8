// Generates the Prisma clients after `npm install`: one per engine, from the one schema.
// prisma/schema.prisma is the source of truth (its datasource says sqlite); the PostgreSQL client is
// generated from a copy that differs only in the provider and the output folder
// (lib/generated/schema.postgresql.prisma, written here, never edited by hand).
// Offline machines have no native schema engine; generation does not need one, but the CLI tries to
// download it unless PRISMA_SCHEMA_ENGINE_BINARY points at something. A binary that fails (never one
// that succeeds) keeps any accidental engine call from pretending to work.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) env.PRISMA_SCHEMA_ENGINE_BINARY = '/bin/false';
if (!existsSync('prisma/schema.prisma')) process.exit(0);

function postgresSchema(source) {
  return source
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(/output\s*=\s*"\.\.\/lib\/generated\/prisma"/, 'output   = "./prisma-postgresql"');
}

mkdirSync('lib/generated', { recursive: true });
writeFileSync(
  'lib/generated/schema.postgresql.prisma',
  postgresSchema(readFileSync('prisma/schema.prisma', 'utf8')),
);

for (const schema of ['prisma/schema.prisma', 'lib/generated/schema.postgresql.prisma']) {
  const result = spawnSync('npx', ['prisma', 'generate', '--schema', schema], {
    stdio: 'inherit',
    env,
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
