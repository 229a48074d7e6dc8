// What the customer-search benchmark's two parts share (SQLite in ../customer-search.ts, PostgreSQL in
// ./postgresql.ts): the businesses, the names customers are made of, the queries, and the timing.
// This folder holds no benchmark of its own: scripts/bench.ts runs only the .ts files beside it.

import { onStatement } from '@/lib/database/statement-log';
import { benchNumber } from '../shared/smoke';

/** KEYDESK_BENCH_SCALE=0.1 for a quick run of a tenth of the customers. */
const SCALE = benchNumber('KEYDESK_BENCH_SCALE', 1, 0.01);
export const BIG = Math.round(1_000_000 * SCALE);
export const SMALL = Math.round(50_000 * SCALE);
export const BIG_ID = 'bus_benchbig';
export const SMALL_ID = 'bus_benchsmall';
export const ITERATIONS = benchNumber(null, 300, 3);
export const WARMUP = benchNumber(null, 20, 1);
export const BASELINE_ITERATIONS = benchNumber(null, 10, 1);

export const FIRST = (
  'Dana Daniel Alex Sam Maria John Li Priya Omar Emma Noah Kim Olivia Lucas Aisha Mateo Yuki ' +
  'Chloe Ivan Sofia Liam Mia Ethan Zara Hugo Nina Leo Amara Finn Grace Ravi Elena Tom Ines Kai ' +
  'Lena Diego Hana Oscar Ada'
).split(' ');
export const LAST = (
  'Kimura Kim Johnson Anderson Nguyen Garcia Smith Müller Rossi Wilson Jackson Thompson Patel ' +
  'Okafor Silva Novak Cohen Tanaka Larsen Dubois Ivanova Hughes Moreau Costa Baker Chen Osei ' +
  'Robinson Nakamura Fischer Brown Lopez Haddad Kowalski Reyes'
).split(' ');
/** The second business has no Kimura: its substring search for "imura" must find nothing. */
export const LAST_SMALL = LAST.filter((name) => name !== 'Kimura');
export const DOMAINS = ['example.com', 'mail.test', 'northwind.io', 'contoso.org', 'fabrikam.net'];

/** Customer number n of the load: `cus_bench000000042`. */
export const customerId = (n: number) => `cus_bench${String(n).padStart(9, '0')}`;
/** The customer the load gives to the small business: every 21st, up to SMALL of them. */
export const isSmall = (n: number) => n % 21 === 0 && n / 21 < SMALL;
/** createdAt of customer 0; customer n is n seconds younger. */
export const SAMPLE = new Date('2026-01-02T03:04:05.678Z');

/** A customer of the small business (777,777 at full size) and, after it, one of the big one. */
export const OTHER_EMAIL = 21 * Math.round(37_037 * SCALE);

/** The searches timed on both engines: [label, business, query]. */
export function searchCases(emailOf: (n: number) => string): [string, string, string][] {
  return [
    ['empty query', BIG_ID, ''],
    ['1-char prefix', BIG_ID, 'd'],
    ['2-char prefix', BIG_ID, 'da'],
    ['name prefix', BIG_ID, 'dana'],
    ['name prefix', BIG_ID, 'kim'],
    ['email prefix', BIG_ID, 'dana.k'],
    ['surname substring', BIG_ID, 'imura'],
    ['common trigram', BIG_ID, 'son'],
    ['no match', BIG_ID, 'zzqxj'],
    ['full email', BIG_ID, emailOf(OTHER_EMAIL + 1)],
    ["other business's email", BIG_ID, emailOf(OTHER_EMAIL)],
    ['name prefix (small)', SMALL_ID, 'dana'],
    ['common trigram (small)', SMALL_ID, 'son'],
    ['substring, none here (small)', SMALL_ID, 'imura'],
  ];
}

export const ms = (since: number) => performance.now() - since;
export const fmt = (value: number) => value.toFixed(value < 10 ? 3 : 1);

export function percentiles(durations: number[]) {
  const sorted = [...durations].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1] };
}

export type Timing = ReturnType<typeof percentiles> & { count: number };

export async function time(
  run: () => Promise<unknown[]>,
  iterations: number,
  warmup: number,
): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await run();
  const durations: number[] = [];
  let count = 0;
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    count = (await run()).length;
    durations.push(ms(started));
  }
  return { ...percentiles(durations), count };
}

export function printTable(rows: (string | number)[][]) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => String(row[i]).length)));
  for (const row of rows) {
    console.log(
      row.map((cell, i) => String(cell)[i < 2 ? 'padEnd' : 'padStart'](widths[i])).join('  '),
    );
  }
}

/**
 * Times `search` on every case and prints the table; returns the timings by "business query".
 * Flags any p99 over 20 ms.
 */
export async function timeSearches(
  search: (businessId: string, q: string) => Promise<unknown[]>,
  cases: [string, string, string][],
): Promise<Map<string, Timing>> {
  const table: (string | number)[][] = [['query', 'q', 'results', 'p50', 'p95', 'p99', 'max']];
  const timings = new Map<string, Timing>();
  for (const [label, businessId, q] of cases) {
    const result = await time(() => search(businessId, q), ITERATIONS, WARMUP);
    timings.set(`${businessId} ${q}`, result);
    const { count, p50, p95, p99, max } = result;
    table.push([label, JSON.stringify(q), count, ...[p50, p95, p99, max].map(fmt)]);
  }
  console.log(`searchCustomers, ms over ${ITERATIONS} runs after ${WARMUP} warm-up:`);
  printTable(table);
  const slow = cases.filter(([, b, q]) => timings.get(`${b} ${q}`)!.p99 > 20);
  for (const [label, , q] of slow) console.log(`SLOW: ${label} ${JSON.stringify(q)} p99 > 20 ms`);
  return timings;
}

/**
 * Times `scan` (an unindexed substring scan, `pattern` as LIKE's `%q%`) on a few of the searches'
 * cases and prints it beside the search's p50 from `timings`: what the index buys.
 */
export async function printBaseline(
  scan: (businessId: string, pattern: string) => Promise<unknown[]>,
  timings: Map<string, Timing>,
) {
  const baseline: (string | number)[][] = [
    ['business', 'pattern', 'results', 'p50', 'max', 'search p50', 'speedup'],
  ];
  for (const [businessId, q] of [
    [BIG_ID, 'imura'],
    [BIG_ID, 'zzqxj'],
    [SMALL_ID, 'imura'],
  ]) {
    const pattern = `%${q}%`;
    const { count, p50, max } = await time(() => scan(businessId, pattern), BASELINE_ITERATIONS, 1);
    const search = timings.get(`${businessId} ${q}`)!.p50;
    const speedup = `${(p50 / search).toFixed(p50 / search < 10 ? 1 : 0)}x`;
    baseline.push([businessId, pattern, count, fmt(p50), fmt(max), fmt(search), speedup]);
  }
  printTable(baseline);
}

/**
 * The queries (SQL and arguments, as the driver gets them) the app's client sends while `run` runs,
 * Prisma's and the direct path's alike (lib/database/statement-log.ts), for their query plans.
 */
export async function captureQueries(run: () => Promise<unknown>) {
  const recorded: { sql: string; args: unknown[] }[] = [];
  const stop = onStatement((sql, args) => {
    if (/^\s*(SELECT|WITH)\b/i.test(sql)) recorded.push({ sql, args: [...args] });
  });
  try {
    await run();
  } finally {
    stop();
  }
  return recorded;
}
