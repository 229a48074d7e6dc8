/**
 * The key list at a million keys (`npm run bench -- key-list`): every filter of the dashboard's
 * list, the search, the 1,000th page, the customer page, the REST API's deep pages and the CSV
 * export, timed through the app's own data functions on SQLite, then on PostgreSQL when
 * KEYDESK_BENCH_PG_URL names a server (e.g. `KEYDESK_BENCH_PG_URL=$(scripts/postgres-server.sh start)`).
 * Each engine runs in its own process (./key-list/run.ts): lib/db.ts picks its engine once.
 */
import { runPerEngine } from './shared/per-engine';

runPerEngine('scripts/bench/key-list/run.ts', ['--expose-gc']);
