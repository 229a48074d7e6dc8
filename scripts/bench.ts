/**
 * `npm run bench [-- filter]`: runs every benchmark in scripts/bench/ (in name order, or only those
 * whose file name contains `filter`), each in its own `tsx --conditions=react-server` process so that
 * modules importing 'server-only' load. Benchmarks print figures; they pass or fail only on errors.
 * KEYDESK_BENCH_SMOKE=1 runs each at a tiny size (npm test's last step, scripts/bench/shared/smoke.ts).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { SMOKE } from './bench/shared/smoke';

const benchDir = path.join('scripts', 'bench');
const filter = process.argv[2] ?? '';
const files = readdirSync(benchDir)
  .filter((name) => name.endsWith('.ts') && name.includes(filter))
  .sort()
  .map((name) => path.join(benchDir, name));

if (files.length === 0) {
  console.error(`No benchmark in ${benchDir} matches "${filter}".`);
  process.exit(1);
}

if (SMOKE) {
  console.log(
    'Smoke run (KEYDESK_BENCH_SMOKE=1): tiny sizes, short timings; the figures mean nothing.',
  );
}

const failed: string[] = [];
for (const file of files) {
  console.log(`\n── ${file} ──`);
  const result = spawnSync('npx', ['tsx', '--conditions=react-server', file], {
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    const reason = result.error?.message ?? result.signal ?? `exit code ${result.status}`;
    console.error(`✗ ${file} failed (${reason})`);
    failed.push(file);
  }
}

if (failed.length > 0) {
  console.error(
    `\n✗ ${failed.length} of ${files.length} benchmark(s) failed: ${failed.join(', ')}`,
  );
  process.exit(1);
}
console.log(`\n✓ ${files.length} benchmark(s) ran`);
