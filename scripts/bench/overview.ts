/**
 * The overview at a million keys and five million activation events in one business (`npm run
 * bench -- overview`): loads them in SQL, rebuilds the overview's counts from them, then times
 * getOverview for each range against its budget (p95 <= 100 ms of server time), on SQLite, then on
 * PostgreSQL when KEYDESK_BENCH_PG_URL names a server (e.g.
 * `KEYDESK_BENCH_PG_URL=$(scripts/postgres-server.sh start)`). KEYDESK_BENCH_KEYS and
 * KEYDESK_BENCH_EVENTS make a smaller run (defaults 1,000,000 and five times the keys). Each engine
 * runs in its own process (./overview/run.ts): lib/db.ts picks its engine once.
 */
import { runPerEngine } from './shared/per-engine';

runPerEngine('scripts/bench/overview/run.ts');
