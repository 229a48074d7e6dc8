/**
 * `npm test`: everything CI checks, in order, stopping at the first failure.
 * Each step is a child process with inherited output; a summary of step times is printed at the end.
 */
import { spawnSync } from 'node:child_process';
import { databaseEngine } from '../lib/database/url';

type Step = { name: string; command: string[]; env?: Record<string, string> };

/**
 * The benchmarks' smoke run (scripts/bench/shared/smoke.ts) on the engine this run tests: SQLite, or
 * the PostgreSQL server DATABASE_URL names (the benchmarks make and drop scratch databases on it).
 */
function benchSmokeEnv(): Record<string, string> {
  const url = process.env.DATABASE_URL || undefined;
  return url && databaseEngine(url) === 'postgresql'
    ? { KEYDESK_BENCH_SMOKE: '1', KEYDESK_BENCH_PG_URL: url, KEYDESK_BENCH_ENGINE: 'postgresql' }
    : { KEYDESK_BENCH_SMOKE: '1', KEYDESK_BENCH_PG_URL: '', KEYDESK_BENCH_ENGINE: '' };
}

const steps: Step[] = [
  { name: 'lint', command: ['npx', 'eslint', '.', '--max-warnings=0'] },
  { name: 'format', command: ['npx', 'prettier', '--check', '.'] },
  // `next typegen` writes next-env.d.ts and the route types under .next/types that tsc needs
  // (on a fresh clone neither exists until `next build`).
  { name: 'route types', command: ['npx', 'next', 'typegen'] },
  { name: 'typecheck', command: ['npx', 'tsc', '--noEmit'] },
  { name: 'unit and integration tests', command: ['npx', 'vitest', 'run'] },
  { name: 'browser', command: ['npx', 'tsx', 'scripts/ensure-browser.ts'] },
  { name: 'end-to-end tests', command: ['npx', 'playwright', 'test'] },
  // The first-load JavaScript of every dashboard page against its budget, read from the build the
  // end-to-end step's server made (playwright.config.ts runs `npm run build`); e2e/first-load-js.spec.ts
  // has checked in the browser that these figures are what a page loads.
  {
    name: 'first-load JS budgets',
    command: ['npx', 'tsx', 'scripts/first-load-js.ts', '--check'],
  },
  // Every benchmark at a tiny size, after the build the throughput and webhook benchmarks start:
  // the full runs (~35 minutes) are not part of npm test, and one had stopped starting unseen. A
  // benchmark fails here when it cannot run or its own checks fail, never on its figures.
  {
    name: 'benchmarks (smoke run)',
    command: ['npx', 'tsx', 'scripts/bench.ts'],
    env: benchSmokeEnv(),
  },
];

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const results: { name: string; seconds: number; ok: boolean }[] = [];

function formatSeconds(seconds: number): string {
  return seconds >= 60
    ? `${Math.floor(seconds / 60)}m ${(seconds % 60).toFixed(0)}s`
    : `${seconds.toFixed(1)}s`;
}

function printSummary(): void {
  console.log('\n── summary ──');
  for (const { name, seconds, ok } of results) {
    console.log(
      `${ok ? 'ok  ' : 'FAIL'}  ${name.padEnd(28)} ${formatSeconds(seconds).padStart(8)}`,
    );
  }
  for (const step of steps.slice(results.length)) {
    console.log(`skip  ${step.name}`);
  }
  const total = results.reduce((sum, result) => sum + result.seconds, 0);
  console.log(`      ${'total'.padEnd(28)} ${formatSeconds(total).padStart(8)}`);
}

for (const [index, step] of steps.entries()) {
  console.log(`\n── [${index + 1}/${steps.length}] ${step.name}: ${step.command.join(' ')} ──`);
  const started = performance.now();
  const [file, ...args] = step.command;
  const result = spawnSync(file, args, { stdio: 'inherit', env: { ...env, ...step.env } });
  const seconds = (performance.now() - started) / 1000;
  const ok = result.status === 0;
  results.push({ name: step.name, seconds, ok });
  if (!ok) {
    const reason = result.error
      ? result.error.message
      : result.signal
        ? `killed by ${result.signal}`
        : `exit code ${result.status}`;
    console.error(`\n✗ ${step.name} failed (${reason})`);
    printSummary();
    process.exit(result.status || 1);
  }
}

printSummary();
console.log('\n✓ all checks passed');
