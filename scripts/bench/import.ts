/**
 * `npm run bench -- import` (issue 15): a 100,000-row CSV file moved into a business by the bulk
 * import, timed per step (upload, check, import) in the process that runs it, with that process's
 * memory growth; then the same file again (everything already present). SQLite, then PostgreSQL
 * when KEYDESK_BENCH_PG_URL names a server. Targets: the whole import of 100,000 rows in 30 s on
 * SQLite and 60 s on PostgreSQL, memory growing by less than 150 MB. KEYDESK_BENCH_IMPORT_ROWS
 * changes the number of rows for a quick run.
 */
import { runPerEngine } from './shared/per-engine';

runPerEngine('scripts/bench/import/run.ts', ['--expose-gc']);
