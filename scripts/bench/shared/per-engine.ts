import { spawnSync } from 'node:child_process';

/**
 * KEYDESK_BENCH_ENGINE=postgresql: only the PostgreSQL part of each benchmark (npm test's smoke run
 * on PostgreSQL; the SQLite run of npm test has smoked the SQLite parts).
 */
export const POSTGRES_ONLY = process.env.KEYDESK_BENCH_ENGINE === 'postgresql';

/**
 * Runs one engine's part of a benchmark (`script`) in its own process, once on SQLite and again on
 * PostgreSQL when KEYDESK_BENCH_PG_URL names a server: lib/db.ts picks its engine once per process.
 * Exits with the first failing run's code.
 */
export function runPerEngine(script: string, nodeOptions: string[] = []): void {
  const runs: [string, Record<string, string>][] = POSTGRES_ONLY
    ? []
    : [['SQLite', { DATABASE_URL: '' }]];
  const pgUrl = process.env.KEYDESK_BENCH_PG_URL;
  if (pgUrl) runs.push(['PostgreSQL', { DATABASE_URL: pgUrl }]);
  else console.log('PostgreSQL part skipped: set KEYDESK_BENCH_PG_URL to a server.');
  for (const [name, env] of runs) {
    console.log(`\n── ${name} ──`);
    const child = spawnSync('npx', ['tsx', '--conditions=react-server', ...nodeOptions, script], {
      stdio: 'inherit',
      env: { ...process.env, ...env },
    });
    if (child.status !== 0) process.exit(child.status ?? 1);
  }
}
