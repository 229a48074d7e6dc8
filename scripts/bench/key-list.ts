/**
 * The key list at a million keys (`npm run bench -- key-list`): every filter of the dashboard's
 * list, the search, the 1,000th page, the customer page, the REST API's deep pages and the CSV
 * export, timed through the app's own data functions on SQLite, then on PostgreSQL when
 * KEYDESK_BENCH_PG_URL names a server (e.g. `KEYDESK_BENCH_PG_URL=$(scripts/postgres-server.sh start)`).
 * Each engine runs in its own process (./key-list/run.ts): lib/db.ts picks its engine once.
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
    ['tsx', '--conditions=react-server', '--expose-gc', 'scripts/bench/key-list/run.ts'],
    { stdio: 'inherit', env: { ...process.env, ...env } },
  );
  if (child.status !== 0) process.exit(child.status ?? 1);
}
