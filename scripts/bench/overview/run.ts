/**
 * One engine's part of the overview benchmark (../overview.ts starts it once per engine): loads
 * ./load.ts's business into a scratch database of the run's engine (a SQLite file in a temporary
 * folder, or a database on the DATABASE_URL server) in one transaction, rebuilds the overview's
 * counts from those rows, then times the app's own getOverview for each range.
 */
import { statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseDatabaseUrl } from '@/lib/database/url';
import { createTestDatabase } from '@/lib/testing/test-database';
import { OVERVIEW_RANGES } from '@/lib/overview/types';
import { benchNumber } from '../shared/smoke';
import { BUSINESS_ID, EVENTS, KEYS, loadPostgres, loadSqlite, NOW, seconds } from './load';

const ITERATIONS = benchNumber('KEYDESK_BENCH_ITERATIONS', 100, 3);
const WARMUP = benchNumber(null, 10, 1);
const BUDGET_MS = 100;

const count = (n: number) => n.toLocaleString('en');

const testDb = await createTestDatabase();
const target = parseDatabaseUrl(testDb.url);
const engine = target.engine;
console.log(
  `${engine}: loading ${count(KEYS)} keys and ${count(EVENTS)} audit events into ${engine === 'sqlite' ? target.file : target.database}`,
);

const loadStarted = performance.now();
if (target.engine === 'sqlite') loadSqlite(target.file);
else await loadPostgres(testDb.url);
console.log(`${engine}: loaded in ${seconds(loadStarted)}`);

// The app's own modules, imported once DATABASE_URL names the loaded database.
const { db, dbEngine } = await import('@/lib/db');
const { rebuildOverviewCounts } = await import('@/lib/overview/data-recount');
const { getOverview } = await import('@/lib/overview/data');
const { operatorActor } = await import('@/lib/auth/authorize');

const rebuildStarted = performance.now();
await db.$transaction((tx) => rebuildOverviewCounts(tx, dbEngine, BUSINESS_ID), {
  timeout: 3_600_000,
});
const [tallies, rollups] = await Promise.all([
  db.keyTally.count({ where: { businessId: BUSINESS_ID } }),
  db.activityRollup.count({ where: { businessId: BUSINESS_ID } }),
]);
console.log(
  `${engine}: rebuilt the overview counts in ${seconds(rebuildStarted)} (${count(tallies)} KeyTally rows, ${count(rollups)} ActivityRollup rows)`,
);
const size =
  target.engine === 'sqlite'
    ? statSync(target.file).size
    : Number(
        (
          await db.$queryRaw<
            { size: bigint }[]
          >`SELECT pg_database_size(current_database()) AS size`
        )[0].size,
      );
console.log(`${engine}: database size ${(size / 1e9).toFixed(2)} GB`);

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const actor = operatorActor(BUSINESS_ID, 'bench');
console.log(
  `Load average (1, 5, 15 min) before timing: ${loadavg()
    .map((average) => average.toFixed(2))
    .join(', ')}; ${WARMUP} warm-up and ${ITERATIONS} timed calls per range, one at a time`,
);
// UTC, and a zone whose days start at a quarter-hour offset (the series' bounds move, nothing else).
const ZONES = ['UTC', 'Asia/Kathmandu'];
const lines = [['zone', 'range', 'periods', 'p50 ms', 'p95 ms', 'max ms', 'budget', '']];
for (const timeZone of ZONES) {
  await db.business.update({ where: { id: BUSINESS_ID }, data: { timeZone } });
  for (const range of OVERVIEW_RANGES) {
    for (let i = 0; i < WARMUP; i++) await getOverview(actor, range, NOW);
    const times: number[] = [];
    let periods = 0;
    for (let i = 0; i < ITERATIONS; i++) {
      const started = performance.now();
      const overview = await getOverview(actor, range, NOW);
      times.push(performance.now() - started);
      periods = overview.series.length;
    }
    times.sort((a, b) => a - b);
    const p95 = percentile(times, 95);
    lines.push([
      timeZone,
      range,
      String(periods),
      percentile(times, 50).toFixed(1),
      p95.toFixed(1),
      times.at(-1)!.toFixed(1),
      `p95 <= ${BUDGET_MS}`,
      p95 <= BUDGET_MS ? 'PASS' : 'FAIL',
    ]);
  }
}
const widths = lines[0].map((_, column) => Math.max(...lines.map((line) => line[column].length)));
console.log(`\n${engine}, getOverview at ${count(KEYS)} keys and ${count(EVENTS)} events:`);
for (const line of lines) console.log(line.map((cell, i) => cell.padEnd(widths[i])).join('  '));

// The figures against the keys themselves (the status rules of lib/license-keys/status.ts).
const { figures, series } = await getOverview(actor, '12m', NOW);
const where = { businessId: BUSINESS_ID };
const [disabled, expired, all] = await Promise.all([
  db.licenseKey.count({ where: { ...where, disabled: true } }),
  db.licenseKey.count({ where: { ...where, disabled: false, expiresAt: { lte: NOW } } }),
  db.licenseKey.count({ where }),
]);
const counted = { active: all - disabled - expired, expired, disabled };
const shown = { active: figures.active, expired: figures.expired, disabled: figures.disabled };
const same = JSON.stringify(counted) === JSON.stringify(shown);
console.log(
  `Figures at NOW: ${JSON.stringify(figures)}; 12 months' activations ${count(series.reduce((sum, p) => sum + p.activations, 0))}`,
);
console.log(
  same
    ? 'Active, expired and disabled agree with a count of the keys.'
    : `MISMATCH: a count of the keys gives ${JSON.stringify(counted)}`,
);
await testDb.cleanup();
