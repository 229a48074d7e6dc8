/**
 * The customer list and the customer page at scale, in a temporary migrated SQLite file: 1,000,000
 * customers in one business (names from ~1,400 first/last combinations, so ~700 customers share
 * each name: the worst case for the (nameLower, id) keyset), 50,000 in a second, and one license
 * key per customer of the first plus a customer with 50 keys. Times the data functions the pages
 * call (server time, no HTTP): listCustomerPage on the first page, the 1,000th page (reached by
 * walking its "Next page" cursors), its previous page, searches; and the customer page's three
 * reads (getCustomerPage). Run with `npm run bench -- customer-pages` (KEYDESK_BENCH_SCALE=0.1 for a quick run,
 * KEYDESK_BENCH_KEEP=1 to keep the database for a look at the query plans).
 */
import { loadavg } from 'node:os';
import Database from 'better-sqlite3';
import { parseDatabaseUrl } from '@/lib/database/url';
import { createTestDatabase } from '@/lib/testing/test-database';
import { DOMAINS, FIRST, fmt, LAST, ms, printTable, time } from './customer-search/shared';
import { POSTGRES_ONLY } from './shared/per-engine';
import { benchNumber } from './shared/smoke';

const SCALE = benchNumber('KEYDESK_BENCH_SCALE', 1, 0.01);
const BIG = Math.round(1_000_000 * SCALE);
const SMALL = Math.round(50_000 * SCALE);
const BIG_ID = 'bus_pagesbig';
const SMALL_ID = 'bus_pagessmall';
const PRODUCT_ID = 'pdt_pagesbench';
const FIFTY_ID = 'cus_pagesfifty';
const ITERATIONS = benchNumber(null, 200, 3);
const WARMUP = benchNumber(null, 20, 1);
const SAMPLE = new Date('2026-01-02T03:04:05.678Z');

if (POSTGRES_ONLY) {
  console.log('customer-pages measures SQLite only: skipped (KEYDESK_BENCH_ENGINE=postgresql).');
  process.exit(0);
}

const testDb = await createTestDatabase({ engine: 'sqlite' });
const target = parseDatabaseUrl(testDb.url);
if (target.engine !== 'sqlite') throw new Error('This benchmark loads SQLite directly.');

/** The businesses, a product and one customer through Prisma: how it stores a DateTime. */
async function createBusinesses() {
  const { db } = testDb;
  for (const id of [BIG_ID, SMALL_ID]) await db.business.create({ data: { id, name: id } });
  await db.product.create({
    data: { id: PRODUCT_ID, businessId: BIG_ID, name: 'Bench App', nameLower: 'bench app' },
  });
  await db.customer.create({
    data: {
      id: FIFTY_ID,
      businessId: BIG_ID,
      name: 'Fifty Keys',
      email: 'fifty@keys.example',
      nameLower: 'fifty keys',
      emailLower: 'fifty@keys.example',
      createdAt: SAMPLE,
    },
  });
  await db.$disconnect();
}

function load(file: string) {
  const raw = new Database(file);
  const stored = raw.prepare(`SELECT "createdAt" FROM "Customer" LIMIT 1`).pluck().get();
  const formats = [
    (date: Date) => date.toISOString(),
    (date: Date) => date.toISOString().replace(/Z$/, '+00:00'),
    (date: Date) => date.getTime(),
  ];
  const storeDate = formats.find((format) => format(SAMPLE) === stored);
  if (!storeDate) throw new Error(`Unknown DateTime storage ${JSON.stringify(stored)}`);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = OFF');
  raw.pragma('cache_size = -524288');
  const customer = raw.prepare(
    `INSERT INTO "Customer" ("id", "businessId", "name", "email", "nameLower", "emailLower", "createdAt")
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const key = raw.prepare(
    `INSERT INTO "LicenseKey" ("id", "businessId", "key", "customerId", "productId", "source", "createdAt")
     VALUES (?, ?, ?, ?, ?, 'manual', ?)`,
  );
  let seed = 7;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const pick = (list: string[]) => list[Math.floor(next() * list.length)];
  const started = performance.now();
  raw.transaction(() => {
    for (let n = 0; n < BIG + SMALL; n++) {
      const small = n % 21 === 0 && n / 21 < SMALL;
      const name = `${pick(FIRST)} ${pick(LAST)}`;
      const email = `${name.replace(' ', '.')}${n}@${pick(DOMAINS)}`.toLowerCase();
      const id = `cus_pages${String(n).padStart(9, '0')}`;
      const createdAt = storeDate(new Date(SAMPLE.getTime() + n * 1000));
      const businessId = small ? SMALL_ID : BIG_ID;
      customer.run(id, businessId, name, email, name.toLowerCase(), email, createdAt);
      if (!small) key.run(`lic_pages${n}`, BIG_ID, `PAGES-${n}`, id, PRODUCT_ID, createdAt);
    }
    for (let n = 0; n < 50; n++) {
      const createdAt = storeDate(new Date(SAMPLE.getTime() + n * 1000));
      key.run(`lic_fifty${n}`, BIG_ID, `FIFTY-${n}`, FIFTY_ID, PRODUCT_ID, createdAt);
    }
  })();
  raw.pragma('wal_checkpoint(TRUNCATE)');
  raw.exec('ANALYZE');
  const count = (sql: string) => raw.prepare(sql).pluck().get() as number;
  console.log(
    `Loaded ${count('SELECT count(*) FROM "Customer"')} customers and ` +
      `${count('SELECT count(*) FROM "LicenseKey"')} keys in ${(ms(started) / 1000).toFixed(1)} s`,
  );
  raw.close();
}

try {
  await createBusinesses();
  load(target.file);
  process.env.DATABASE_URL = testDb.url;
  const { listCustomerPage } = await import('@/lib/customers/data-list');
  const { getCustomerPage } = await import('@/lib/customers/data-page');
  const { customerListViewSchema } = await import('@/lib/customers/list');
  const { operatorActor } = await import('@/lib/auth/authorize');
  const actor = operatorActor(BIG_ID, 'bench');
  const view = (query: Record<string, string>) => customerListViewSchema.parse(query);
  const list = (query: Record<string, string>) => listCustomerPage(actor, view(query));

  /** Page number `pages` of `q`, reached by clicking "Next page", and its `after` cursor. */
  async function walk(q: string, pages: number) {
    let page = await list({ q });
    let after = '';
    for (let i = 1; i < pages && page.next; i++) {
      after = page.next;
      page = await list({ q, after });
    }
    return { page, after };
  }
  const walkStarted = performance.now();
  const page1000 = await walk('', 1000);
  console.log(
    `Walked to page 1,000 in ${(ms(walkStarted) / 1000).toFixed(1)} s: ` +
      `its first row is number ${page1000.page.first}`,
  );
  const dana100 = await walk('dana', 100);

  const customerPage = async () => {
    const page = await getCustomerPage(actor, FIFTY_ID);
    if (page?.keys.length !== 50 || page.keyCount.value !== 50) throw new Error('Wrong page');
    return page.keys;
  };

  const cases: [string, () => Promise<unknown[]>][] = [
    ['list: page 1', async () => (await list({})).rows],
    ['list: page 1,000 (after=)', async () => (await list({ after: page1000.after })).rows],
    [
      'list: page 999 (before=)',
      async () => (await list({ before: page1000.page.previous! })).rows,
    ],
    ['search "dana": page 1', async () => (await list({ q: 'dana' })).rows],
    ['search "dana": page 100', async () => (await list({ q: 'dana', after: dana100.after })).rows],
    ['search "d" (1 char)', async () => (await list({ q: 'd' })).rows],
    ['search "imura" (inside names)', async () => (await list({ q: 'imura' })).rows],
    ['search "son" (capped)', async () => (await list({ q: 'son' })).rows],
    ['search an email', async () => (await list({ q: 'fifty@keys.example' })).rows],
    ['customer page, 50 keys', customerPage],
  ];
  const load1 = loadavg().map((average) => average.toFixed(2));
  console.log(`\nLoad average (1, 5, 15 min) before timing: ${load1.join(', ')}`);
  const table: (string | number)[][] = [['case', '', 'rows', 'p50', 'p95', 'p99', 'max']];
  for (const [label, run] of cases) {
    const { count, p50, p95, p99, max } = await time(run, ITERATIONS, WARMUP);
    table.push([label, '', count, ...[p50, p95, p99, max].map(fmt)]);
  }
  console.log(`Server time in ms over ${ITERATIONS} runs after ${WARMUP} warm-up (SQLite):`);
  printTable(table);
  const counts = await Promise.all([list({}), list({ q: 'son' }), list({ q: 'dana' })]);
  console.log(
    'Status lines: ' +
      counts.map((page) => `${page.count.exact ? '' : '>'}${page.count.value}`).join(', '),
  );
} finally {
  if (process.env.KEYDESK_BENCH_KEEP) console.log(`Kept the database: ${testDb.url}`);
  else await testDb.cleanup();
}
