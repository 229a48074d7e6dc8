// Loads the overview benchmark's data straight into a migrated database, in set-based SQL (a
// recursive CTE on SQLite, generate_series on PostgreSQL), each engine's statements meant for one
// transaction: one business with 100,000 customers, 10 products, 1,000,000 keys and 5,000,000
// activation and deactivation events in its audit trail, all within SPAN_SECONDS (about 13 months)
// before NOW. Attributes come from multiplicative hashes of the row number, so they do not move in
// step with one another or with time:
//   key n      created START + n × KEY_STEP s (evenly, newest last); customer cus_o<n % 100,000>;
//              product pdt_o0 for a fifth of the keys, the rest spread over pdt_o0…pdt_o9;
//              source auto 55 %, manual 35 %, import 10 %; 3 % disabled;
//              limit none for 30 %, else 1…10, with a quarter of those at their limit and the rest
//              at 0…limit instances (0…5 for keys without a limit);
//              expiry never for 40 %, else spread evenly from 182 days before NOW to 730 days after
//              it (a fifth of those expired, one in thirty within the next 30 days)
//   event m    at START + m × EVENT_STEP_MS ms; for a key created before it (any of keys 0…m/5);
//              license_key_instance.deactivated for m % 4 = 3, else .activated (3:1); by a
//              license holder at 203.0.113.<m % 250>, as lib/licenses/data.ts records them.
// No LicenseKeyInstance rows: the overview reads the keys' instancesCount and the audit trail.

import Database from 'better-sqlite3';
import pg from 'pg';
import { benchNumber } from '../shared/smoke';

export const BUSINESS_ID = 'bus_bench_overview';
/** The tables with millions of rows: their secondary indexes are best built after the load. */
export const BULK_TABLES = ['LicenseKey', 'AuditEvent'];
export const KEYS = benchNumber('KEYDESK_BENCH_KEYS', 1_000_000, 2_000);
export const EVENTS = benchNumber('KEYDESK_BENCH_EVENTS', 5 * KEYS, 5 * KEYS);
export const CUSTOMERS = Math.max(1, Math.floor(KEYS / 10));
export const PRODUCTS = 10;
export const NOW = new Date('2026-12-01T12:00:00.000Z');
/** About 13 months (393.5 days) of keys and events before NOW. */
export const SPAN_SECONDS = 34_000_000;
const NOW_SECONDS = NOW.getTime() / 1000;
const START_SECONDS = NOW_SECONDS - SPAN_SECONDS;
const KEY_STEP = SPAN_SECONDS / KEYS;
const EVENT_STEP_MS = (SPAN_SECONDS * 1000) / EVENTS;
const EXPIRY_FROM = NOW_SECONDS - 182 * 86_400;
const EXPIRY_SPAN = (182 + 730) * 86_400;

/** Knuth's multiplicative hashes of a row number: three independent-looking values in 0…2³²−1. */
const hash = (n: string, multiplier: number) => `((${n} * ${multiplier}) % 4294967296)`;
const H1 = (n: string) => hash(n, 2654435761);
const H2 = (n: string) => hash(n, 2246822519);
const H3 = (n: string) => hash(n, 3266489917);

/** The SQL of one engine that differs: a timestamp from epoch seconds, ids, the series. */
type Dialect = {
  timestamp: (seconds: string) => string;
  id: (prefix: string, width: number, n: string) => string;
  text: (n: string) => string;
  div: (a: string, b: string) => string;
  series: (count: number, body: string) => string;
  source: (sql: string) => string;
};

const sqlite: Dialect = {
  timestamp: (seconds) => `strftime('%Y-%m-%dT%H:%M:%f+00:00', ${seconds}, 'unixepoch')`,
  id: (prefix, width, n) => `printf('${prefix}%0${width}d', ${n})`,
  text: (n) => `CAST(${n} AS TEXT)`,
  div: (a, b) => `(${a} / ${b})`,
  series: (count, body) =>
    `WITH RECURSIVE s(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM s WHERE n < ${count - 1}) ${body.replace('/*FROM*/', 'FROM s')}`,
  source: (sql) => sql,
};

const postgres: Dialect = {
  timestamp: (seconds) => `(to_timestamp(${seconds}) AT TIME ZONE 'UTC')`,
  id: (prefix, width, n) => `'${prefix}' || lpad((${n})::text, ${width}, '0')`,
  text: (n) => `(${n})::text`,
  div: (a, b) => `(${a} / ${b})`,
  series: (count, body) =>
    body.replace('/*FROM*/', `FROM generate_series(0::bigint, ${count - 1}::bigint) AS s(n)`),
  source: (sql) => `(${sql})::"LicenseKeySource"`,
};

function statements(d: Dialect): string[] {
  const at = (seconds: number) => d.timestamp(String(seconds));
  const limited = `${d.div(H1('n'), '50')} % 10 >= 3`;
  const limit = `(1 + ${d.div(H1('n'), '500')} % 10)`;
  const keyCreated = d.timestamp(`${START_SECONDS} + n * ${KEY_STEP}`);
  const eventCreated = d.timestamp(`(${START_SECONDS * 1000} + n * ${EVENT_STEP_MS}) / 1000.0`);
  const address = `'203.0.113.' || ${d.text('n % 250')}`;
  const activated = 'n % 4 <> 3';
  return [
    `INSERT INTO "Business" ("id", "name", "timeZone", "createdAt")
      VALUES ('${BUSINESS_ID}', 'Overview bench', 'UTC', ${at(START_SECONDS)})`,
    d.series(
      PRODUCTS,
      `INSERT INTO "Product" ("id", "businessId", "name", "nameLower", "licenseKeyActivationsLimit", "createdAt")
        SELECT ${d.id('pdt_o', 1, 'n')}, '${BUSINESS_ID}', 'Product ' || ${d.text('n')},
          'product ' || ${d.text('n')}, 3, ${at(START_SECONDS)} /*FROM*/`,
    ),
    d.series(
      CUSTOMERS,
      `INSERT INTO "Customer" ("id", "businessId", "name", "email", "nameLower", "emailLower", "createdAt")
        SELECT ${d.id('cus_o', 6, 'n')}, '${BUSINESS_ID}', 'Buyer ' || ${d.text('n')},
          'buyer' || ${d.text('n')} || '@shop.example', 'buyer ' || ${d.text('n')},
          'buyer' || ${d.text('n')} || '@shop.example', ${at(START_SECONDS)} /*FROM*/`,
    ),
    d.series(
      KEYS,
      `INSERT INTO "LicenseKey" ("id", "businessId", "key", "customerId", "productId", "activationsLimit",
          "expiresAt", "disabled", "instancesCount", "source", "createdAt")
        SELECT ${d.id('lic_o', 7, 'n')}, '${BUSINESS_ID}', ${d.id('OVBNC-', 7, 'n')},
          ${d.id('cus_o', 6, `n % ${CUSTOMERS}`)},
          ${d.id('pdt_o', 1, `CASE WHEN ${H3('n')} % 5 = 0 THEN 0 ELSE ${d.div(H3('n'), '5')} % ${PRODUCTS} END`)},
          CASE WHEN ${limited} THEN ${limit} END,
          CASE WHEN ${d.div(H2('n'), '7')} % 10 < 4 THEN NULL
            ELSE ${d.timestamp(`${EXPIRY_FROM} + ${H2('n')} % ${EXPIRY_SPAN}`)} END,
          ${d.div(H3('n'), '1000')} % 100 < 3,
          CASE WHEN NOT (${limited}) THEN ${d.div(H1('n'), '5000')} % 6
            WHEN ${d.div(H1('n'), '5000')} % 4 = 0 THEN ${limit}
            ELSE ${d.div(H1('n'), '20000')} % (${limit} + 1) END,
          ${d.source(`CASE WHEN ${d.div(H3('n'), '100')} % 20 < 11 THEN 'auto' WHEN ${d.div(H3('n'), '100')} % 20 < 18 THEN 'manual' ELSE 'import' END`)},
          ${keyCreated} /*FROM*/`,
    ),
    d.series(
      EVENTS,
      `INSERT INTO "AuditEvent" ("id", "businessId", "actorType", "actorId", "actorName", "actorRole",
          "action", "objectType", "objectId", "summary", "requestId", "createdAt")
        SELECT ${d.id('evt_o', 9, 'n')}, '${BUSINESS_ID}', 'license_holder', ${address}, 'License holder', NULL,
          CASE WHEN ${activated} THEN 'license_key_instance.activated' ELSE 'license_key_instance.deactivated' END,
          'license_key', ${d.id('lic_o', 7, `${H1('n')} % (${d.div(`n * ${KEYS}`, String(EVENTS))} + 1)`)},
          CASE WHEN ${activated} THEN 'Activated' ELSE 'Deactivated' END || ' instance “host-' || ${d.text('n')}
            || '” (' || ${d.id('lki_o', 9, 'n')} || ') from ' || ${address},
          ${d.id('req_o', 9, 'n')}, ${eventCreated} /*FROM*/`,
    ),
  ];
}

export const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/** "LicenseKey" for an INSERT INTO "LicenseKey" …, for the load's log. */
const tableOf = (sql: string) => /INSERT INTO "(\w+)"/.exec(sql)?.[1] ?? sql.slice(0, 40);

/**
 * Loads the data into a migrated SQLite file in one transaction, with the pragmas of a bulk load;
 * the big tables' secondary indexes are dropped first and built once at the end.
 */
export function loadSqlite(file: string) {
  const raw = new Database(file);
  // A rollback journal in memory: the file starts empty, so it holds next to nothing, and every
  // page is written once (a WAL would write the whole load twice, in the log and at the checkpoint).
  raw.pragma('journal_mode = MEMORY');
  raw.pragma('synchronous = OFF');
  raw.pragma('cache_size = -1048576');
  raw.pragma('temp_store = MEMORY');
  raw.exec('BEGIN');
  const indexes = raw
    .prepare(
      `SELECT "name", "sql" FROM sqlite_master WHERE "type" = 'index' AND "sql" IS NOT NULL
        AND "tbl_name" IN (${BULK_TABLES.map((table) => `'${table}'`).join(', ')})`,
    )
    .all() as { name: string; sql: string }[];
  for (const { name } of indexes) raw.exec(`DROP INDEX "${name}"`);
  for (const sql of statements(sqlite)) {
    const started = performance.now();
    raw.exec(sql);
    console.log(`  ${tableOf(sql)}: ${seconds(started)}`);
  }
  let started = performance.now();
  for (const { sql } of indexes) raw.exec(sql);
  console.log(`  ${indexes.length} indexes of ${BULK_TABLES.join(' and ')}: ${seconds(started)}`);
  started = performance.now();
  raw.exec('COMMIT');
  // No ANALYZE: an app's database seldom has statistics; its queries name their indexes instead.
  raw.pragma('journal_mode = WAL');
  raw.close();
  console.log(`  COMMIT: ${seconds(started)}`);
}

/** The same into a migrated PostgreSQL database, then VACUUM ANALYZE (outside the transaction). */
export async function loadPostgres(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('BEGIN');
  await client.query(`SET LOCAL maintenance_work_mem = '1GB'`);
  // Indexes of a constraint (primary keys) stay: their rows arrive in order anyway.
  const { rows: indexes } = await client.query<{ name: string; sql: string }>(
    `SELECT indexname AS name, indexdef AS sql FROM pg_indexes
      WHERE schemaname = current_schema() AND tablename = ANY($1)
        AND indexname NOT IN (SELECT conname FROM pg_constraint)`,
    [BULK_TABLES],
  );
  for (const { name } of indexes) await client.query(`DROP INDEX "${name}"`);
  for (const sql of statements(postgres)) {
    const started = performance.now();
    await client.query(sql);
    console.log(`  ${tableOf(sql)}: ${seconds(started)}`);
  }
  let started = performance.now();
  for (const { sql } of indexes) await client.query(sql);
  console.log(`  ${indexes.length} indexes of ${BULK_TABLES.join(' and ')}: ${seconds(started)}`);
  await client.query('COMMIT');
  started = performance.now();
  await client.query('VACUUM ANALYZE');
  console.log(`  VACUUM ANALYZE: ${seconds(started)}`);
  await client.end();
}
