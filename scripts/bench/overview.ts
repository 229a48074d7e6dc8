/**
 * The overview at a million keys and five million activation events in one business (`npm run
 * bench -- overview`): loads them in SQL, rebuilds the overview's counts from them, then times
 * getOverview for each range against its budget (p95 <= 100 ms of server time), on SQLite, then on
 * PostgreSQL when KEYDESK_BENCH_PG_URL names a server (e.g.
 * `KEYDESK_BENCH_PG_URL=$(scripts/postgres-server.sh start)`). KEYDESK_BENCH_KEYS and
 * KEYDESK_BENCH_EVENTS make a smaller run (defaults 1,000,000 and five times the keys). Each engine
 * runs in its own process (./overview/run.ts): lib/db.ts picks its engine once.
 */
import { spawnSync } from 'node:child_process';

const runs: [string, Record<string, string>][] = [['SQLite', { DATABASE_URL: '' }]];
const pgUrl = process.env.KEYDESK_BENCH_PG_URL;
if (pgUrl) runs.push(['PostgreSQL', { DATABASE_URL: pgUrl }]);
else console.log('PostgreSQL part skipped: set KEYDESK_BENCH_PG_URL to a server.');

for (const [name, env] of runs) {
  console.log(`\n── ${name} ──`);
  const child = spawnSync(
    'npx',
    ['tsx', '--conditions=react-server', 'scripts/bench/overview/run.ts'],
    { stdio: 'inherit', env: { ...process.env, ...env } },
  );
  if (child.status !== 0) process.exit(child.status ?? 1);
}
