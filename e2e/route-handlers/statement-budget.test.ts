import { afterAll, describe, expect, it } from 'vitest';
import { onStatement } from '@/lib/database/statement-log';
import { createBusinessFixture, createTestDatabase, testEngine } from '@/lib/testing/test-database';
import { apiKeySecret } from './support';

// How many SQL statements each hot route sends to the database per request (BEGIN and COMMIT
// count), on the engine of the run, with the production rate limits on (issue 13). The budgets are
// what the routes run now: a change that adds a statement to one of them fails here, and must say
// why when it raises the budget.
//
// PostgreSQL, where each statement is a round trip: creating a key is one statement (the insert,
// its audit event and both overview counts in one data-modifying WITH); activating is two (both
// rate-limit buckets in one upsert, then the same kind of WITH). A page of the key list is one
// statement on both engines: a known API key is read at most every 5 s per process. SQLite has
// no data-modifying WITH, so there the writes are one transaction of short statements, each a
// function call in this process (no round trip): BEGIN, the insert, audit, key tally, activity,
// the webhook event, COMMIT.

process.env.KEYDESK_RATE_LIMIT_PER_ADDRESS = '600';
process.env.KEYDESK_RATE_LIMIT_PER_LICENSE_KEY = '60';
const testDb = await createTestDatabase();
afterAll(() => testDb.cleanup());
const keysRoute = await import('@/app/api/license_keys/route');
const activateRoute = (await import('@/app/api/licenses/activate/route')).POST;
const validateRoute = (await import('@/app/api/licenses/validate/route')).POST;

const acme = await createBusinessFixture(testDb.db, 'Acme');
const secret = await apiKeySecret(acme.owner, 'CI', false);

// SQLite has no data-modifying WITH: its writes are transactions of short statements, one of them
// the webhook event (written only when an endpoint wants it, in the same statement either way).
const BUDGETS =
  testEngine() === 'postgresql'
    ? { create: 1, activate: 2, validate: 2, list: 1 }
    : { create: 7, activate: 9, validate: 2, list: 1 };

type Handler = (
  request: Request,
  context: { params: Promise<Record<string, never>> },
) => Promise<Response>;

let n = 0;
/** The statements of one request, and its answer's status. */
async function statementsOf(handler: Handler, method: string, path: string, body?: unknown) {
  const statements: string[] = [];
  const stop = onStatement((sql) => statements.push(sql.replace(/\s+/g, ' ').slice(0, 120)));
  try {
    const response = await handler(
      new Request(`http://keydesk.test${path}`, {
        method,
        headers: {
          authorization: `Bearer ${secret}`,
          'x-forwarded-for': `192.0.2.${++n % 250}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
      { params: Promise.resolve({}) },
    );
    return { status: response.status, statements };
  } finally {
    stop();
  }
}

const createKey = (key: string) =>
  statementsOf(keysRoute.POST, 'POST', '/api/license_keys', {
    key,
    customer_id: acme.customer.id,
    product_id: acme.product.id,
    activations_limit: null,
  });

describe(`statements per request on ${testEngine()}`, () => {
  it(`creating a key: at most ${BUDGETS.create}`, async () => {
    await createKey('BUDGET-WARM-0001'); // the first request of an API key also stamps lastUsedAt
    const { status, statements } = await createKey('BUDGET-KEY-0001');
    expect(status).toBe(201);
    expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(BUDGETS.create);
  });

  it(`activating, validating: at most ${BUDGETS.activate} and ${BUDGETS.validate}`, async () => {
    await createKey('BUDGET-KEY-0002');
    const activate = (name: string) =>
      statementsOf(activateRoute, 'POST', '/api/licenses/activate', {
        license_key: 'BUDGET-KEY-0002',
        name,
      });
    await activate('warm-up');
    const activation = await activate('laptop');
    expect(activation.status).toBe(201);
    expect(activation.statements.length, activation.statements.join('\n')).toBeLessThanOrEqual(
      BUDGETS.activate,
    );

    const validation = await statementsOf(validateRoute, 'POST', '/api/licenses/validate', {
      license_key: 'BUDGET-KEY-0002',
    });
    expect(validation.status).toBe(200);
    expect(validation.statements.length, validation.statements.join('\n')).toBeLessThanOrEqual(
      BUDGETS.validate,
    );
  });

  it(`a page of the key list: at most ${BUDGETS.list}`, async () => {
    const { status, statements } = await statementsOf(
      keysRoute.GET,
      'GET',
      '/api/license_keys?page_size=10',
    );
    expect(status).toBe(200);
    expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(BUDGETS.list);
  });
});
