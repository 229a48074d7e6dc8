/**
 * One engine's part of the key-list benchmark (../key-list.ts starts it once per engine): loads
 * ./load.ts's million keys into a scratch database of the run's engine (SQLite file, or a database
 * on the DATABASE_URL server), then times the app's own list functions per case, the REST API's
 * offset paging, the customer page's read, and the CSV export's rate and memory.
 */
import { loadavg } from 'node:os';
import Database from 'better-sqlite3';
import pg from 'pg';
import { createTestDatabase } from '@/lib/testing/test-database';
import { parseDatabaseUrl } from '@/lib/database/url';
import type { LicenseKeyFilter, ListSort, Cursor } from '@/lib/license-keys/list';
import {
  BIG,
  BIG_ID,
  BUSY_CUSTOMER,
  customerOf,
  NOW,
  postgresLoad,
  SMALL,
  sqliteLoad,
} from './load';
import { benchNumber } from '../shared/smoke';

const ITERATIONS = benchNumber('KEYDESK_BENCH_ITERATIONS', 30, 3);
const testDb = await createTestDatabase();
const target = parseDatabaseUrl(testDb.url);
const engine = target.engine;
const started = performance.now();
if (target.engine === 'sqlite') {
  const raw = new Database(target.file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = OFF');
  raw.pragma('cache_size = -524288');
  for (const sql of sqliteLoad()) raw.exec(sql);
  raw.pragma('wal_checkpoint(TRUNCATE)');
  raw.close();
} else {
  const client = new pg.Client({ connectionString: testDb.url });
  await client.connect();
  for (const sql of postgresLoad()) await client.query(sql);
  await client.end();
}
console.log(
  `${engine}: loaded ${BIG.toLocaleString('en')} customers, ${BIG.toLocaleString('en')} + ${SMALL.toLocaleString('en')} keys in ${((performance.now() - started) / 1000).toFixed(0)} s`,
);

const { listLicenseKeyPage, listLicenseKeys } = await import('@/lib/license-keys/data-list');
const { exportLicenseKeys } = await import('@/lib/license-keys/data-export');
const { operatorActor } = await import('@/lib/auth/authorize');
const { db } = await import('@/lib/db');
const actor = operatorActor(BIG_ID, 'bench');

/** Key n of the big business, as load.ts names it. */
const keyId = (n: number) => `lic_b${String(n).padStart(7, '0')}`;
const sample = await db.licenseKey.findUniqueOrThrow({ where: { id: keyId(Math.floor(BIG / 2)) } });
const fragment = sample.key.replace(/-/g, '').slice(6, 11).toLowerCase();
// What a support person types first of a key: its product's prefix (PRD3, one key in 20), and that
// with the next two characters of one of them.
const ofProduct3 = await db.licenseKey.findUniqueOrThrow({
  where: { id: keyId(Math.floor(BIG / 2) + 3) },
});
const { email } = customerOf(Math.floor(BIG * 0.123456));
// Page 1,000 of 50: the cursor of the 49,950th key, newest first (read once, as a link holds it);
// at a smaller scale, the last full page's.
const [at] = await db.licenseKey.findMany({
  where: { businessId: BIG_ID },
  orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  skip: Math.min(49_949, BIG - 51),
  take: 1,
  select: { id: true, createdAt: true },
});
const deep: Cursor = { direction: 'after', value: at.createdAt, id: at.id };

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function time(run: () => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await run();
  const times: number[] = [];
  let result: unknown;
  for (let i = 0; i < ITERATIONS; i++) {
    const t = performance.now();
    result = await run();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), result };
}

const page =
  (filter: LicenseKeyFilter, sort: ListSort = 'newest', cursor: Cursor | null = null) =>
  () =>
    listLicenseKeyPage(actor, filter, { sort, cursor, pageSize: 50 }, NOW);

const cases: [string, number, () => Promise<unknown>][] = [
  ['no filter', 50, page({})],
  ['status active', 50, page({ status: 'active' })],
  ['status expired', 50, page({ status: 'expired' })],
  ['status disabled', 50, page({ status: 'disabled' })],
  ['product', 50, page({ productId: 'pdt_b03' })],
  ['source import', 50, page({ source: 'import' })],
  ['expires in 7 days', 50, page({ expires: 'next-7-days' })],
  ['expires in 30 days', 50, page({ expires: 'next-30-days' })],
  ['already expired', 50, page({ expires: 'expired' })],
  ['never expires', 50, page({ expires: 'never' })],
  ['status + product', 50, page({ status: 'expired', productId: 'pdt_b03' })],
  // 2% of the keys have no free seat (load.ts): the partial index LicenseKey_at_limit_idx.
  ['at limit', 50, page({ usage: 'at-limit' })],
  ['at limit + active', 50, page({ usage: 'at-limit', status: 'active' })],
  [`search key fragment "${fragment}"`, 50, page({ search: fragment })],
  ['search product prefix "PRD3"', 50, page({ search: 'PRD3' })],
  [`search "${ofProduct3.key.slice(0, 7)}"`, 50, page({ search: ofProduct3.key.slice(0, 7) })],
  ['search customer email', 50, page({ search: email })],
  // A first name: one customer in forty has it, each with one key.
  ['search customer name "dana"', 50, page({ search: 'dana' })],
  // Known to be slow (README, "How a search reads a page"): too few matches near the start of the
  // order for the window ("dana" among the keys that expire first; "PRD19", which "PRD1-9…" keys
  // hold too, among disabled keys), so the page reads every match.
  ['search "dana", by expiry', 50, page({ search: 'dana' }, 'expiry')],
  ['search "PRD19", disabled', 50, page({ search: 'PRD19', status: 'disabled' })],
  ['page 1,000', 50, page({}, 'newest', deep)],
  ['sort by expiry', 50, page({}, 'expiry')],
  ['customer page (50 keys)', 30, page({ customerId: BUSY_CUSTOMER })],
  [
    'REST ?product_id',
    25,
    () => listLicenseKeys(actor, { productId: 'pdt_b03' }, { pageNumber: 0, pageSize: 10 }, NOW),
  ],
  [
    'REST ?page_number=5000',
    25,
    () => listLicenseKeys(actor, {}, { pageNumber: 5000, pageSize: 10 }, NOW),
  ],
];

const load = loadavg().map((average) => average.toFixed(2));
console.log(
  `Load average (1, 5, 15 min) before timing: ${load.join(', ')}; ${ITERATIONS} runs per case`,
);
// A server that has run a while: every case once before any is timed (caches, JIT).
for (const [, , run] of cases) await run();
const lines = [['case', 'rows', 'total', 'p50 ms', 'p95 ms', 'target', '']];
for (const [name, budget, run] of cases) {
  const { p50, p95, result } = await time(run);
  const rows = Array.isArray(result) ? result.length : (result as { keys: unknown[] }).keys.length;
  const total = Array.isArray(result)
    ? ''
    : (({ value, exact }) => `${exact ? '' : '>'}${value}`)(
        (result as { total: { value: number; exact: boolean } }).total,
      );
  lines.push([
    name,
    String(rows),
    total,
    p50.toFixed(1),
    p95.toFixed(1),
    `<= ${budget}`,
    p95 <= budget ? 'ok' : 'OVER',
  ]);
}
const widths = lines[0].map((_, column) => Math.max(...lines.map((line) => line[column].length)));
for (const line of lines) console.log(line.map((cell, i) => cell.padEnd(widths[i])).join('  '));

// The export: every key of the big business through the route's own function (read row by row,
// written out in chunks). Memory is sampled every 50,000 rows; `before` is after a full collection.
global.gc?.();
const before = process.memoryUsage().rss;
let peak = before;
let rows = 0;
let bytes = 0;
let sampledAt = 0;
const exportStarted = performance.now();
for await (const chunk of await exportLicenseKeys(actor, {}, 'newest')) {
  bytes += Buffer.byteLength(chunk);
  for (let at = chunk.indexOf('\n'); at !== -1; at = chunk.indexOf('\n', at + 1)) rows++;
  if (rows - sampledAt >= 50_000) {
    sampledAt = rows;
    peak = Math.max(peak, process.memoryUsage().rss);
  }
}
const seconds = (performance.now() - exportStarted) / 1000;
peak = Math.max(peak, process.memoryUsage().rss);
const rate = rows / seconds;
const grewMb = (peak - before) / 1e6;
const [minRate, maxGrowthMb] = [50_000, 100];
// A verdict on the line, as the table has: a spread copy per row once halved the rate and grew
// memory by ~100 MB, and the bare figures went unnoticed for a day.
console.log(
  `Export: ${rows.toLocaleString('en')} rows (${(bytes / 1e6).toFixed(0)} MB of CSV) in ${seconds.toFixed(1)} s = ` +
    `${Math.round(rate).toLocaleString('en')} rows/s (target >= ${minRate.toLocaleString('en')}, ` +
    `${rate >= minRate ? 'ok' : 'MISSED'}); memory grew ${grewMb.toFixed(0)} MB ` +
    `(target < ${maxGrowthMb} MB, ${grewMb < maxGrowthMb ? 'ok' : 'OVER'})`,
);
await testDb.cleanup();
