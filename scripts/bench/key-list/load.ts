// Loads the key-list benchmark's data straight into a migrated database, in SQL (a recursive CTE on
// SQLite, generate_series on PostgreSQL): one business with 1,000,000 customers and 1,000,000 keys
// over 20 products, and a second business with 50,000 keys, so every query also has to keep the
// other business out. Key n of the big business:
//   created   NOW - 1,000,000 × 30 s + n × 30 s (about a year of keys, newest last)
//   customer  cus_b<n> (one key each), except every 20,000th from 7: customer cus_b0000007 (50 keys)
//   product   pdt_b<n % 20>
//   expiry    never for n % 10 < 3, else created + (n × 7919 mod 730) days: a quarter already expired,
//             about 1 % within the next 7 days
//   disabled  (n / 7) % 20 = 0 (5 %);  source import for n % 10 = 0, auto for 1 and 2, else manual
//   key       its product's prefix, as Keydesk's generator writes it (PRD<n % 20>; SML in the small
//             business), then 20 random hex characters in four groups of five: PRD3-3F2A9-0C1DE-…
// Customer n is "<first> <last>", <first>.<last><n>@<domain>, names and domains from the
// customer-search benchmark's lists (a few dozen names, five domains: as repetitive as real ones).

import { DOMAINS, FIRST, LAST } from '../customer-search/shared';
import { benchNumber } from '../shared/smoke';

/** KEYDESK_BENCH_SCALE=0.1 for a quick run of a tenth of the keys. */
const SCALE = benchNumber('KEYDESK_BENCH_SCALE', 1, 0.01);
export const BIG = Math.round(1_000_000 * SCALE);
export const SMALL = Math.round(50_000 * SCALE);
export const BIG_ID = 'bus_bench_big';
export const SMALL_ID = 'bus_bench_small';
export const PRODUCTS = 20;
export const NOW = new Date('2026-12-01T12:00:00.000Z');
export const STEP_SECONDS = 30;
export const START_SECONDS = Math.floor(NOW.getTime() / 1000) - BIG * STEP_SECONDS;
export const BUSY_CUSTOMER = 'cus_b0000007';
/** Keys begin with their product's prefix (SQL): PRD0 … PRD19 in the big business, SML in the small. */
const BIG_PREFIX = `'PRD' || (n % ${PRODUCTS})`;
const SMALL_PREFIX = `'SML'`;

const pick = (list: string[], n: number, step: number) => list[(n * step) % list.length];

/** Customer n's name and email, as the SQL below writes them. */
export function customerOf(n: number) {
  const [first, last, domain] = [pick(FIRST, n, 7), pick(LAST, n, 13), pick(DOMAINS, n, 1)];
  return { name: `${first} ${last}`, email: `${first}.${last}${n}@${domain}`.toLowerCase() };
}

const json = (list: string[]) => `'${JSON.stringify(list)}'`;
const sqlArray = (list: string[]) => `ARRAY[${list.map((item) => `'${item}'`).join(', ')}]`;

export function sqliteLoad(): string[] {
  const at = (list: string[], n: string, step: number) =>
    `json_extract(${json(list)}, '$[' || ((${n} * ${step}) % ${list.length}) || ']')`;
  const name = `${at(FIRST, 'n', 7)} || ' ' || ${at(LAST, 'n', 13)}`;
  const email = `lower(${at(FIRST, 'n', 7)} || '.' || ${at(LAST, 'n', 13)} || n || '@' || ${at(DOMAINS, 'n', 1)})`;
  const created = (n: string) =>
    `strftime('%Y-%m-%dT%H:%M:%f+00:00', ${START_SECONDS} + ${n} * ${STEP_SECONDS}, 'unixepoch')`;
  const expires = (n: string) =>
    `CASE WHEN ${n} % 10 < 3 THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%f+00:00', ${START_SECONDS} + ${n} * ${STEP_SECONDS} + ((${n} * 7919) % 730) * 86400, 'unixepoch') END`;
  const key = (prefix: string) =>
    `${prefix} || '-' || substr(h, 1, 5) || '-' || substr(h, 6, 5) || '-' || substr(h, 11, 5) || '-' || substr(h, 16, 5)`;
  const series = (count: number) =>
    `WITH RECURSIVE s(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM s WHERE n < ${count - 1})`;
  return [
    `INSERT INTO "Business" ("id", "name", "createdAt") VALUES ('${BIG_ID}', 'Big', ${created('0')}), ('${SMALL_ID}', 'Small', ${created('0')})`,
    `${series(PRODUCTS)} INSERT INTO "Product" ("id", "businessId", "name", "nameLower", "createdAt")
      SELECT printf('pdt_b%02d', n), '${BIG_ID}', 'Product ' || n, 'product ' || n, ${created('0')} FROM s`,
    `INSERT INTO "Product" ("id", "businessId", "name", "nameLower", "createdAt") VALUES ('pdt_s00', '${SMALL_ID}', 'Small product', 'small product', ${created('0')})`,
    `${series(BIG)} INSERT INTO "Customer" ("id", "businessId", "name", "email", "nameLower", "emailLower", "createdAt")
      SELECT printf('cus_b%07d', n), '${BIG_ID}', ${name}, ${email}, lower(${name}), ${email}, ${created('n')} FROM s`,
    `INSERT INTO "Customer" ("id", "businessId", "name", "email", "nameLower", "emailLower", "createdAt")
      VALUES ('cus_s0', '${SMALL_ID}', 'Small buyer', 'buyer7@shop7.example', 'small buyer', 'buyer7@shop7.example', ${created('0')})`,
    `${series(BIG)} INSERT INTO "LicenseKey" ("id", "businessId", "key", "customerId", "productId", "activationsLimit",
        "expiresAt", "disabled", "instancesCount", "source", "createdAt")
      SELECT printf('lic_b%07d', n), '${BIG_ID}', ${key(BIG_PREFIX)},
        CASE WHEN n % 20000 = 7 THEN '${BUSY_CUSTOMER}' ELSE printf('cus_b%07d', n) END,
        printf('pdt_b%02d', n % ${PRODUCTS}), CASE WHEN n % 4 = 0 THEN NULL ELSE 5 END, ${expires('n')},
        (n / 7) % 20 = 0, CASE WHEN n % 50 = 1 THEN 5 ELSE n % 3 END, CASE n % 10 WHEN 0 THEN 'import' WHEN 1 THEN 'auto' WHEN 2 THEN 'auto' ELSE 'manual' END,
        ${created('n')} FROM (SELECT n, hex(randomblob(10)) AS h FROM s)`,
    `${series(SMALL)} INSERT INTO "LicenseKey" ("id", "businessId", "key", "customerId", "productId", "expiresAt",
        "disabled", "instancesCount", "source", "createdAt")
      SELECT printf('lic_s%07d', n), '${SMALL_ID}', ${key(SMALL_PREFIX)}, 'cus_s0', 'pdt_s00', ${expires('n * 20')},
        n % 20 = 0, 0, 'manual', ${created('n * 20')} FROM (SELECT n, hex(randomblob(10)) AS h FROM s)`,
  ];
}

export function postgresLoad(): string[] {
  const at = (list: string[], n: string, step: number) =>
    `(${sqlArray(list)})[1 + (${n}::bigint * ${step}) % ${list.length}]`;
  const name = `${at(FIRST, 'n', 7)} || ' ' || ${at(LAST, 'n', 13)}`;
  const email = `lower(${at(FIRST, 'n', 7)} || '.' || ${at(LAST, 'n', 13)} || n || '@' || ${at(DOMAINS, 'n', 1)})`;
  const created = (n: string) =>
    `(to_timestamp(${START_SECONDS} + ${n}::bigint * ${STEP_SECONDS}) AT TIME ZONE 'UTC')`;
  const expires = (n: string) =>
    `CASE WHEN ${n} % 10 < 3 THEN NULL ELSE ${created(n)} + ((${n}::bigint * 7919) % 730) * interval '1 day' END`;
  const key = (prefix: string) =>
    `${prefix} || '-' || upper(substr(h, 1, 5) || '-' || substr(h, 6, 5) || '-' || substr(h, 11, 5) || '-' || substr(h, 16, 5))`;
  const hex = `md5(random()::text || n::text) AS h`;
  return [
    `INSERT INTO "Business" ("id", "name", "createdAt") VALUES ('${BIG_ID}', 'Big', ${created('0')}), ('${SMALL_ID}', 'Small', ${created('0')})`,
    `INSERT INTO "Product" ("id", "businessId", "name", "nameLower", "createdAt")
      SELECT 'pdt_b' || lpad(n::text, 2, '0'), '${BIG_ID}', 'Product ' || n, 'product ' || n, ${created('0')}
      FROM generate_series(0, ${PRODUCTS - 1}) n`,
    `INSERT INTO "Product" ("id", "businessId", "name", "nameLower", "createdAt") VALUES ('pdt_s00', '${SMALL_ID}', 'Small product', 'small product', ${created('0')})`,
    `INSERT INTO "Customer" ("id", "businessId", "name", "email", "nameLower", "emailLower", "createdAt")
      SELECT 'cus_b' || lpad(n::text, 7, '0'), '${BIG_ID}', ${name}, ${email}, lower(${name}), ${email}, ${created('n')}
      FROM generate_series(0, ${BIG - 1}) n`,
    `INSERT INTO "Customer" ("id", "businessId", "name", "email", "nameLower", "emailLower", "createdAt")
      VALUES ('cus_s0', '${SMALL_ID}', 'Small buyer', 'buyer7@shop7.example', 'small buyer', 'buyer7@shop7.example', ${created('0')})`,
    `INSERT INTO "LicenseKey" ("id", "businessId", "key", "customerId", "productId", "activationsLimit",
        "expiresAt", "disabled", "instancesCount", "source", "createdAt")
      SELECT 'lic_b' || lpad(n::text, 7, '0'), '${BIG_ID}', ${key(BIG_PREFIX)},
        CASE WHEN n % 20000 = 7 THEN '${BUSY_CUSTOMER}' ELSE 'cus_b' || lpad(n::text, 7, '0') END,
        'pdt_b' || lpad((n % ${PRODUCTS})::text, 2, '0'), CASE WHEN n % 4 = 0 THEN NULL ELSE 5 END, ${expires('n')},
        (n / 7) % 20 = 0, CASE WHEN n % 50 = 1 THEN 5 ELSE n % 3 END,
        (CASE n % 10 WHEN 0 THEN 'import' WHEN 1 THEN 'auto' WHEN 2 THEN 'auto' ELSE 'manual' END)::"LicenseKeySource",
        ${created('n')}
      FROM (SELECT n, ${hex} FROM generate_series(0, ${BIG - 1}) n) g`,
    `INSERT INTO "LicenseKey" ("id", "businessId", "key", "customerId", "productId", "expiresAt",
        "disabled", "instancesCount", "source", "createdAt")
      SELECT 'lic_s' || lpad(n::text, 7, '0'), '${SMALL_ID}', ${key(SMALL_PREFIX)}, 'cus_s0', 'pdt_s00', ${expires('(n * 20)')},
        n % 20 = 0, 0, 'manual', ${created('(n * 20)')}
      FROM (SELECT n, ${hex} FROM generate_series(0, ${SMALL - 1}) n) g`,
    'VACUUM ANALYZE',
  ];
}
