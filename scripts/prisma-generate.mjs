// Generates the Prisma client after `npm install`.
// Offline machines have no native schema engine; generation does not need one, but the CLI
// tries to download it unless PRISMA_SCHEMA_ENGINE_BINARY points at something. A binary that
// fails (never one that succeeds) keeps any accidental engine call from pretending to work.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) env.PRISMA_SCHEMA_ENGINE_BINARY = '/bin/false';
if (!existsSync('prisma/schema.prisma')) process.exit(0);
const result = spawnSync('npx', ['prisma', 'generate'], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
