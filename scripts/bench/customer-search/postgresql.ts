/**
 * The PostgreSQL part of the customer-search benchmark (started by ../customer-search.ts when
 * KEYDESK_BENCH_PG_URL is set). In a scratch database on that server: 1,000,000 customers of one
 * business and 50,000 of another, loaded with one INSERT … SELECT generate_series (indexes dropped
 * during the load and rebuilt after, as a bulk import would). Times searchCustomers through the
 * app's own code on a PostgreSQL Prisma client, an unindexed ILIKE scan as the baseline, and prints
 * EXPLAIN ANALYZE of every statement the search sends. The database is dropped at the end.
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import pg from 'pg';
import { migrateDatabase } from '@/lib/database/migrate';
import {
  BASELINE_ITERATIONS,
  BIG,
  BIG_ID,
  captureQueries,
  customerId,
  DOMAINS,
  FIRST,
  LAST,
  LAST_SMALL,
  ms,
  OTHER_EMAIL,
  printBaseline,
  SAMPLE,
  searchCases,
  SMALL,
  SMALL_ID,
  timeSearches,
} from './shared';

const server = new URL(process.env.KEYDESK_BENCH_PG_URL!);
const name = `keydesk_bench_${randomBytes(5).toString('hex')}`;
const scratch = new URL(server);
scratch.pathname = `/${name}`;

async function onServer<T>(url: URL, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

// Customer n: first and last name and email domain picked by multiplicative hashing of n, the
// email's local part in one of three shapes (n % 3), as the SQLite part does with its generator.
const lower = (list: string[]) => list.map((item) => item.toLowerCase());
const LOAD_SQL = `
  INSERT INTO "Customer" ("id", "businessId", "name", "email", "nameLower", "emailLower", "createdAt")
  SELECT id, business, first || ' ' || last, email, first_l || ' ' || last_l, email,
         $9::timestamp(3) + n * interval '1 second'
  FROM (
    SELECT n, 'cus_bench' || lpad(n::text, 9, '0') AS id,
           CASE WHEN small THEN $7 ELSE $8 END AS business,
           ($1::text[])[1 + fi] AS first, ($2::text[])[1 + fi] AS first_l,
           (CASE WHEN small THEN $5::text[] ELSE $3::text[] END)[1 + li] AS last,
           (CASE WHEN small THEN $6::text[] ELSE $4::text[] END)[1 + li] AS last_l,
           ($10::text[])[1 + di] AS domain
    FROM (
      SELECT n, n % 21 = 0 AND n / 21 < ${SMALL} AS small,
             (((n::bigint * 2654435761) % 4294967291) % ${FIRST.length})::int AS fi,
             (((n::bigint * 2246822519 + 3266489917) % 4294967291)
               % CASE WHEN n % 21 = 0 AND n / 21 < ${SMALL} THEN ${LAST_SMALL.length} ELSE ${LAST.length} END)::int AS li,
             (((n::bigint * 3266489917 + 668265263) % 4294967291) % ${DOMAINS.length})::int AS di
      FROM generate_series(0, ${BIG + SMALL - 1}) AS n
    ) picked
  ) named,
  LATERAL (SELECT (CASE n % 3 WHEN 0 THEN first_l || '.' || last_l
                              WHEN 1 THEN left(first_l, 1) || last_l
                              ELSE first_l || left(last_l, 1) END) || n || '@' || domain AS email) e`;

async function load() {
  await onServer(scratch, async (client) => {
    await client.query(`SET maintenance_work_mem = '512MB'`);
    await client.query(`INSERT INTO "Business" ("id", "name") VALUES ($1, $1), ($2, $2)`, [
      BIG_ID,
      SMALL_ID,
    ]);
    // The migration's own definitions of the Customer indexes (trigram ones included), so that
    // they can be rebuilt exactly after the load.
    const { rows: indexes } = await client.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes
       WHERE tablename = 'Customer' AND indexname <> 'Customer_pkey' ORDER BY indexname`,
    );
    for (const index of indexes) await client.query(`DROP INDEX "${index.indexname}"`);
    const sample = SAMPLE.toISOString().replace('T', ' ').replace('Z', '');
    let started = performance.now();
    const inserted = await client.query(LOAD_SQL, [
      FIRST,
      lower(FIRST),
      LAST,
      lower(LAST),
      LAST_SMALL,
      lower(LAST_SMALL),
      SMALL_ID,
      BIG_ID,
      sample,
      DOMAINS,
    ]);
    console.log(`Inserted ${inserted.rowCount} customers in ${(ms(started) / 1000).toFixed(1)} s`);
    started = performance.now();
    for (const index of indexes) await client.query(index.indexdef);
    await client.query(`VACUUM ANALYZE "Customer"`);
    const names = indexes.map((index) => index.indexname).join(', ');
    console.log(`Rebuilt ${names} and analyzed in ${(ms(started) / 1000).toFixed(1)} s`);
    const { rows } = await client.query<{ businessId: string; count: string }>(
      `SELECT "businessId", count(*) FROM "Customer" GROUP BY 1 ORDER BY 2 DESC`,
    );
    console.log(`Loaded customers: ${rows.map((r) => `${r.count} of ${r.businessId}`).join(', ')}`);
  });
}

const explainArgs = (args: unknown[]) =>
  args.map((arg) => (typeof arg === 'bigint' ? arg.toString() : arg));

await onServer(server, (client) => client.query(`CREATE DATABASE "${name}"`));
try {
  await migrateDatabase(scratch.toString());
  await load();

  // The app's own client (lib/db.ts reads DATABASE_URL when first imported), on the scratch database.
  process.env.DATABASE_URL = scratch.toString();
  const data = await import('@/lib/customers/data');
  const { operatorActor } = await import('@/lib/auth/authorize');
  const searchCustomers = (businessId: string, q: string) =>
    data.searchCustomers(operatorActor(businessId, 'bench'), q);
  const { db, databaseUrl, dbEngine } = await import('@/lib/db');
  if (databaseUrl !== scratch.toString() || dbEngine !== 'postgresql')
    throw new Error('lib/db.ts is not on the scratch database');

  await onServer(scratch, async (raw) => {
    const emails = new Map<number, string>();
    for (const n of [OTHER_EMAIL, OTHER_EMAIL + 1]) {
      const { rows } = await raw.query<{ email: string }>(
        `SELECT "email" FROM "Customer" WHERE "id" = $1`,
        [customerId(n)],
      );
      emails.set(n, rows[0].email);
    }
    const cases = searchCases((n) => emails.get(n)!);
    const average = loadavg().map((value) => value.toFixed(2));
    console.log(`\nLoad average (1, 5, 15 min) before timing: ${average.join(', ')}`);
    const timings = await timeSearches(searchCustomers, cases);

    // Baseline: a case-insensitive substring scan of columns no trigram index covers.
    const scan = `SELECT "id", "name", "email" FROM "Customer"
      WHERE "businessId" = $1 AND ("name" ILIKE $2 OR "email" ILIKE $2) LIMIT 20`;
    console.log(
      `\nBaseline ILIKE scan (no index on name, email), ms over ${BASELINE_ITERATIONS} runs:`,
    );
    await printBaseline(
      async (businessId, pattern) => (await raw.query(scan, [businessId, pattern])).rows,
      timings,
    );

    console.log(
      '\nEXPLAIN ANALYZE of the SQL searchCustomers sends (lib/database/statement-log.ts):',
    );
    for (const [businessId, q] of [
      [BIG_ID, ''],
      [BIG_ID, 'dana'],
      [BIG_ID, 'imura'],
      [BIG_ID, 'son'],
      [BIG_ID, 'zzqxj'],
      [SMALL_ID, 'imura'],
    ]) {
      for (const { sql, args } of await captureQueries(() => searchCustomers(businessId, q))) {
        console.log(`\n${sql.replace(/\s+/g, ' ')}\n  args: ${JSON.stringify(explainArgs(args))}`);
        const plan = await raw.query<{ 'QUERY PLAN': string }>(
          `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`,
          explainArgs(args),
        );
        for (const row of plan.rows) console.log(`  ${row['QUERY PLAN']}`);
      }
    }
  });
  await db.$disconnect();
} finally {
  await onServer(server, (client) =>
    client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  );
}
