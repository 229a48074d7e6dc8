/**
 * Customer search at scale: 1,000,000 customers in one business and 50,000 in a second, in a
 * temporary migrated SQLite file. Times searchCustomers (lib/customers/data.ts) per kind of query
 * and, in the same run, an unindexed LIKE scan as the baseline for the speedup ratio; prints the
 * query plans of the statements Prisma issues. Run with `npm run bench -- customer-search`
 * (KEYDESK_BENCH_SCALE=0.1 for a quick run).
 *
 * Second part, when KEYDESK_BENCH_PG_URL names a PostgreSQL server (e.g. the one of
 * `scripts/postgres-server.sh start`): the same on PostgreSQL, in a scratch database on that server
 * (./customer-search/postgresql.ts, in its own process: lib/db.ts picks its engine once).
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import Database from 'better-sqlite3';
import type { Database as Db } from '@/lib/database/create-client';
import { parseDatabaseUrl } from '@/lib/database/url';
import { createTestDatabase } from '@/lib/testing/test-database';
import {
  BASELINE_ITERATIONS,
  BIG,
  BIG_ID,
  captureQueries,
  customerId,
  DOMAINS,
  FIRST,
  isSmall,
  LAST,
  LAST_SMALL,
  ms,
  printBaseline,
  SAMPLE,
  searchCases,
  SMALL,
  SMALL_ID,
  timeSearches,
} from './customer-search/shared';
import { POSTGRES_ONLY } from './shared/per-engine';

/** Deterministic pseudo-random numbers (mulberry32), so every run has the same customers. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Row = { id: string; businessId: string; name: string; email: string };

function customer(n: number, businessId: string, lastNames: string[], next: () => number): Row {
  const pick = (list: string[]) => list[Math.floor(next() * list.length)];
  const [first, last] = [pick(FIRST), pick(lastNames)];
  const local = [`${first}.${last}`, `${first[0]}${last}`, `${first}${last[0]}`][n % 3];
  const email = `${local}${n}@${pick(DOMAINS)}`.toLowerCase();
  return { id: customerId(n), businessId, name: `${first} ${last}`, email };
}

const bigNext = random(1);
const smallNext = random(2);

/** Both businesses and the first customer of each, through Prisma. */
async function createBusinesses(db: Db) {
  for (const [businessId, n, lastNames, next] of [
    [BIG_ID, 0, LAST, bigNext],
    [SMALL_ID, BIG + SMALL, LAST_SMALL, smallNext],
  ] as const) {
    await db.business.create({ data: { id: businessId, name: businessId } });
    const row = customer(n, businessId, lastNames, next);
    const [nameLower, emailLower] = [row.name.toLowerCase(), row.email];
    await db.customer.create({ data: { ...row, nameLower, emailLower, createdAt: SAMPLE } });
  }
  await db.$disconnect();
}

/** The other customers, inserted with raw better-sqlite3; the triggers fill the trigram index. */
function loadCustomers(file: string) {
  const raw = new Database(file);
  // Write createdAt exactly as Prisma did for the customers created through it.
  const stored = raw.prepare(`SELECT "createdAt" FROM "Customer" LIMIT 1`).pluck().get();
  const dateFormats = [
    (date: Date) => date.toISOString(),
    (date: Date) => date.toISOString().replace(/Z$/, '+00:00'),
    (date: Date) => date.getTime(),
  ];
  const storeDate = dateFormats.find((format) => format(SAMPLE) === stored);
  console.log(`Prisma stores DateTime ${SAMPLE.toISOString()} as ${JSON.stringify(stored)}`);
  if (!storeDate) throw new Error('Unknown DateTime storage: teach this benchmark the format');

  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = OFF');
  raw.pragma('cache_size = -524288');
  const insert = raw.prepare(
    `INSERT INTO "Customer" ("id", "businessId", "name", "email", "nameLower", "emailLower", "createdAt")
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const started = performance.now();
  raw.transaction(() => {
    // The second business's customers are spread among the first's, as sign-ups over time are.
    for (let n = 1; n < BIG + SMALL - 1; n++) {
      const row = isSmall(n)
        ? customer(n, SMALL_ID, LAST_SMALL, smallNext)
        : customer(n, BIG_ID, LAST, bigNext);
      const { id, businessId, name, email } = row;
      const createdAt = storeDate(new Date(SAMPLE.getTime() + n * 1000));
      insert.run(id, businessId, name, email, name.toLowerCase(), email, createdAt);
    }
  })();
  const seconds = (ms(started) / 1000).toFixed(1);
  const counts = raw
    .prepare(`SELECT "businessId", count(*) FROM "Customer" GROUP BY 1 ORDER BY 2 DESC`)
    .raw()
    .all() as [string, number][];
  const indexed = raw.prepare(`SELECT count(*) FROM "CustomerSearch"`).pluck().get();
  const loaded = counts.map(([businessId, count]) => `${count} of ${businessId}`).join(', ');
  console.log(`Loaded customers: ${loaded} (${indexed} CustomerSearch rows) in ${seconds} s`);
  raw.pragma('wal_checkpoint(TRUNCATE)');
  raw.close();
}

function printPlan(raw: Database.Database, sql: string, args: unknown[]) {
  const plan = raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[];
  for (const step of plan) console.log(`  - ${step.detail}`);
}

/** The SQLite part: load, time, compare with a scan, print the plans. */
async function searchSqlite() {
  const testDb = await createTestDatabase({ engine: 'sqlite' });
  const target = parseDatabaseUrl(testDb.url);
  if (target.engine !== 'sqlite')
    throw new Error('The customer-search benchmark loads SQLite directly.');
  const { file } = target;
  try {
    await createBusinesses(testDb.db);
    loadCustomers(file);

    // The app's own client (lib/db.ts reads DATABASE_URL when first imported), on the loaded file.
    process.env.DATABASE_URL = testDb.url;
    const data = await import('@/lib/customers/data');
    const { operatorActor } = await import('@/lib/auth/authorize');
    const searchCustomers = (businessId: string, q: string) =>
      data.searchCustomers(operatorActor(businessId, 'bench'), q);
    const { db, databaseUrl } = await import('@/lib/db');
    if (databaseUrl !== testDb.url) throw new Error('lib/db.ts is not on the benchmark database');

    const raw = new Database(file, { readonly: true });
    const emailOf = (n: number) =>
      raw
        .prepare(`SELECT "email" FROM "Customer" WHERE "id" = ?`)
        .pluck()
        .get(customerId(n)) as string;
    const cases = searchCases(emailOf);
    const load = loadavg().map((average) => average.toFixed(2));
    console.log(`\nLoad average (1, 5, 15 min) before timing: ${load.join(', ')}`);
    const timings = await timeSearches(searchCustomers, cases);

    // Baseline: an unindexed case-insensitive substring scan, through the same Prisma client.
    const scan = `SELECT "id", "name", "email" FROM "Customer"
      WHERE "businessId" = ? AND ("name" LIKE ? OR "email" LIKE ?) LIMIT 20`;
    console.log(
      `\nBaseline LIKE scan via db.$queryRawUnsafe, ms over ${BASELINE_ITERATIONS} runs:`,
    );
    await printBaseline(
      (businessId, pattern) => db.$queryRawUnsafe<unknown[]>(scan, businessId, pattern, pattern),
      timings,
    );
    printPlan(raw, scan, [BIG_ID, '%a%', '%a%']);

    console.log('\nQuery plans of the SQL searchCustomers sends (lib/database/statement-log.ts):');
    const seen = new Set<string>();
    for (const q of ['', 'dana', 'imura']) {
      for (const { sql, args } of await captureQueries(() => searchCustomers(BIG_ID, q))) {
        if (seen.has(sql)) continue;
        seen.add(sql);
        console.log(`\n${sql.replace(/\s+/g, ' ')}\n  args: ${JSON.stringify(args)}`);
        printPlan(raw, sql, args);
      }
    }
    raw.close();
    await db.$disconnect();
  } finally {
    await testDb.cleanup();
  }
}

if (POSTGRES_ONLY) console.log('SQLite part skipped (KEYDESK_BENCH_ENGINE=postgresql).');
else await searchSqlite();

const pgUrl = process.env.KEYDESK_BENCH_PG_URL;
if (!pgUrl) {
  console.log(
    '\nPostgreSQL part skipped: set KEYDESK_BENCH_PG_URL to a server, e.g. ' +
      'KEYDESK_BENCH_PG_URL=$(scripts/postgres-server.sh start)',
  );
} else {
  console.log('\n── PostgreSQL ──');
  const child = spawnSync(
    'npx',
    ['tsx', '--conditions=react-server', 'scripts/bench/customer-search/postgresql.ts'],
    { stdio: 'inherit' },
  );
  if (child.status !== 0) process.exit(child.status ?? 1);
}
