import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onStatement } from '@/lib/database/statement-log';
import { createBusinessFixture, createTestDatabase, testEngine } from '@/lib/testing/test-database';
import { apiKeySecret } from './support';

// PostgreSQL plans a prepared statement anew on every run until a plan for any values promises to
// cost about what the plans for the values at hand did; a statement whose text leaves the size of
// its answer open (a LIMIT or an array as a parameter) never gets there, and its planning cost more
// than its reading (issue 13). The hot reads are written so that their plans are kept: this runs
// each statement they send, as the app does (a named statement, bound again and again), and reads
// from pg_prepared_statements how PostgreSQL planned it. SQLite compiles a statement once, with no
// such choice.

process.env.KEYDESK_RATE_LIMIT_PER_ADDRESS = '0';
process.env.KEYDESK_RATE_LIMIT_PER_LICENSE_KEY = '0';
const testDb = await createTestDatabase();
afterAll(() => testDb.cleanup());
const keysRoute = await import('@/app/api/license_keys/route');
const { validateLicenseKey } = await import('@/lib/licenses/data');

const acme = await createBusinessFixture(testDb.db, 'Acme');
const secret = await apiKeySecret(acme.owner, 'CI', false);

/** The statements the database gets while `work` runs, with their arguments. */
async function statementsOf(work: () => Promise<unknown>) {
  const statements: { text: string; values: unknown[] }[] = [];
  const stop = onStatement((text, values) => statements.push({ text, values: [...values] }));
  try {
    await work();
  } finally {
    stop();
  }
  return statements;
}

/** How PostgreSQL planned `statement` over ten runs as one named statement: custom and generic plans. */
async function plansOver10Runs(statement: { text: string; values: unknown[] }) {
  const client = new pg.Client({ connectionString: testDb.url });
  await client.connect();
  try {
    for (let run = 0; run < 10; run++) {
      await client.query({ name: 'hot', text: statement.text, values: statement.values });
    }
    const {
      rows: [plans],
    } = await client.query<{ custom: number; generic: number }>(
      `SELECT custom_plans::int AS custom, generic_plans::int AS generic
       FROM pg_prepared_statements WHERE name = 'hot'`,
    );
    return plans;
  } finally {
    await client.end();
  }
}

const keys = ['PLAN-KEY-0001', 'PLAN-KEY-0002', 'PLAN-KEY-0003'];

/** The keys validated below, made through the API. */
async function createKeys() {
  for (const key of keys) {
    const response = await keysRoute.POST(
      new Request('http://keydesk.test/api/license_keys', {
        method: 'POST',
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          key,
          customer_id: acme.customer.id,
          product_id: acme.product.id,
          activations_limit: null,
        }),
      }),
      { params: Promise.resolve({}) },
    );
    if (response.status !== 201) throw new Error(`could not create ${key}: ${response.status}`);
  }
}

// Plans are chosen by what the tables hold: with a handful of rows every plan costs the same. A
// business with 20,000 keys, and its statistics, as a merchant's database has them.
async function fillAndAnalyze() {
  const client = new pg.Client({ connectionString: testDb.url });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "LicenseKey" ("id", "businessId", "key", "customerId", "productId", "source",
         "createdAt")
       SELECT 'lic_plan' || g, $1, 'PLAN-FILL-' || g, $2, $3, 'import',
         now() - g * interval '1 minute'
       FROM generate_series(1, 20000) AS g`,
      [acme.business.id, acme.customer.id, acme.product.id],
    );
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }
}

describe.runIf(testEngine() === 'postgresql')(
  'the hot reads keep their plans on PostgreSQL',
  () => {
    beforeAll(async () => {
      await createKeys();
      await fillAndAnalyze();
    });

    it('validating: alone and in a group of several', async () => {
      const alone = await statementsOf(() => validateLicenseKey(keys[0], undefined));
      // The first goes at once; the others, asked while it is on its way, go together after it.
      const group = await statementsOf(() =>
        Promise.all([...keys, 'PLAN-KEY-MISSING'].map((key) => validateLicenseKey(key, 'lki_x'))),
      );
      expect(alone).toHaveLength(1);
      expect(group.length).toBeLessThan(4);
      for (const statement of [...alone, ...group]) {
        const plans = await plansOver10Runs(statement);
        expect(plans.generic, statement.text).toBeGreaterThanOrEqual(4);
      }
    });

    it.each([10, 7, 30])('a first page of the key list, page_size=%i', async (pageSize) => {
      const [statement, ...others] = await statementsOf(async () => {
        const response = await keysRoute.GET(
          new Request(`http://keydesk.test/api/license_keys?page_size=${pageSize}`, {
            headers: { authorization: `Bearer ${secret}` },
          }),
          { params: Promise.resolve({}) },
        );
        expect(response.status).toBe(200);
      });
      expect(others).toEqual([]);
      const plans = await plansOver10Runs(statement);
      expect(plans.generic, statement.text).toBeGreaterThanOrEqual(4);
    });
  },
);
