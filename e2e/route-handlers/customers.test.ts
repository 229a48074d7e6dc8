import DodoPayments, { NotFoundError, PermissionDeniedError } from 'dodopayments';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { newId } from '@/lib/ids';
import { createBusinessFixture, createTestDatabase } from '@/lib/testing/test-database';
import { apiKeySecret } from './support';
import { apiCustomerListSchema, apiCustomerSchema } from '@/lib/customers/api-schema';

// The customer endpoints, called in-process through their route handlers on a real SQLite file,
// with API keys of two businesses; last, through the official dodopayments SDK.

const testDb = await createTestDatabase();
const { db } = testDb;
const listRoute = await import('@/app/api/customers/route');
const itemRoute = await import('@/app/api/customers/[id]/route');
afterAll(() => testDb.cleanup());

const acme = await createBusinessFixture(db, 'Acme');
const globex = await createBusinessFixture(db, 'Globex');
const initech = await createBusinessFixture(db, 'Initech');

const acmeWrite = await apiKeySecret(acme.owner, 'CI', false);
const acmeReadOnly = await apiKeySecret(acme.owner, 'Reports', true);
const globexWrite = await apiKeySecret(globex.owner, 'CI', false);
const initechRead = await apiKeySecret(initech.owner, 'Reports', true);

const serverErrors: string[] = [];
afterEach(() => expect(serverErrors).toEqual([]));

async function dispatch(request: Request): Promise<Response> {
  const path = new URL(request.url).pathname;
  const match = /^\/api\/customers(?:\/([^/]+))?$/.exec(path);
  if (!match) throw new Error(`no route for ${path}`);
  const response = match[1]
    ? await itemRoute.GET(request, {
        params: Promise.resolve({ id: decodeURIComponent(match[1]) }),
      })
    : await listRoute[request.method as 'GET' | 'POST'](request, { params: Promise.resolve({}) });
  if (response.status >= 500) serverErrors.push(`${path} ${await response.clone().text()}`);
  return response;
}

async function call(
  secret: string | null,
  method: 'GET' | 'POST',
  path: string,
  options: { body?: unknown; idempotencyKey?: string } = {},
) {
  const response = await dispatch(
    new Request(`http://test/api/customers${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(secret ? { authorization: `Bearer ${secret}` } : {}),
        ...(options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : {}),
      },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    }),
  );
  return { status: response.status, headers: response.headers, body: await response.json() };
}

/** Every answer has exactly the documented fields. */
const strictCustomer = apiCustomerSchema.strict();

describe('POST /api/customers', () => {
  it('creates a customer (201) in the key’s business, audited as the API key', async () => {
    const created = await call(acmeWrite, 'POST', '', {
      body: {
        name: '  Dana Kim ',
        email: 'Dana.Kim@Example.com',
        phone_number: '+1 555 0100',
        metadata: { crm: '42' },
      },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('x-request-id')).toMatch(/^req_/);
    const customer = strictCustomer.parse(created.body);
    expect(customer).toEqual({
      customer_id: expect.stringMatching(/^cus_/),
      business_id: acme.business.id,
      name: 'Dana Kim',
      email: 'Dana.Kim@Example.com',
      phone_number: null,
      metadata: {},
      created_at: expect.any(String),
    });
    const row = await db.customer.findUniqueOrThrow({ where: { id: customer.customer_id } });
    expect(row).toMatchObject({ businessId: acme.business.id, emailLower: 'dana.kim@example.com' });
    expect(
      await db.auditEvent.findMany({
        where: { objectId: customer.customer_id },
        select: { action: true, actorType: true, actorName: true },
      }),
    ).toEqual([{ action: 'customer.created', actorType: 'api_key', actorName: 'CI' }]);
  });

  it('answers the existing customer (200, unchanged) for an email the business has, in any case', async () => {
    const first = await call(acmeWrite, 'POST', '', {
      body: { name: 'Noor Haddad', email: 'noor@haddad.example' },
    });
    const again = await call(acmeWrite, 'POST', '', {
      body: { name: 'Someone Else', email: 'NOOR@Haddad.Example' },
    });
    expect(first.status).toBe(201);
    expect(again).toMatchObject({ status: 200, body: first.body });
    expect(await db.customer.count({ where: { emailLower: 'noor@haddad.example' } })).toBe(1);
    expect(
      await db.auditEvent.count({ where: { objectId: first.body.customer_id as string } }),
    ).toBe(1);

    // Another business with the same email gets its own customer.
    const elsewhere = await call(globexWrite, 'POST', '', {
      body: { name: 'Noor Haddad', email: 'noor@haddad.example' },
    });
    expect(elsewhere.status).toBe(201);
    expect(elsewhere.body).toMatchObject({ business_id: globex.business.id });
    expect(elsewhere.body.customer_id).not.toBe(first.body.customer_id);
  });

  it('makes one customer of many concurrent calls with one new email', async () => {
    const email = `race-${newId('cus').toLowerCase()}@example.com`;
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        call(acmeWrite, 'POST', '', { body: { name: `Racer ${i}`, email } }),
      ),
    );
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(11);
    expect(new Set(answers.map((answer) => answer.body.customer_id)).size).toBe(1);
    expect(await db.customer.count({ where: { businessId: acme.business.id, email } })).toBe(1);
  });

  it('replays the first answer for the same Idempotency-Key', async () => {
    const body = { name: 'Ida Replay', email: 'ida@replay.example' };
    const first = await call(acmeWrite, 'POST', '', { body, idempotencyKey: 'create-ida' });
    const replay = await call(acmeWrite, 'POST', '', { body, idempotencyKey: 'create-ida' });
    expect(first.status).toBe(201);
    expect(replay).toMatchObject({ status: 201, body: first.body });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
  });

  it('refuses invalid fields with 422 naming each, and writes nothing', async () => {
    const before = await db.customer.count();
    const bad = await call(acmeWrite, 'POST', '', {
      body: { name: ' ', email: 'not-an-email', phone_number: 42 },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('INVALID_REQUEST_BODY');
    expect(Object.keys(bad.body.errors).sort()).toEqual(['email', 'name', 'phone_number']);
    expect(await db.customer.count()).toBe(before);
  });

  it('refuses a read-only key (403) and a missing or wrong key (401), writing nothing', async () => {
    const body = { name: 'Nobody', email: 'nobody@example.com' };
    expect(await call(acmeReadOnly, 'POST', '', { body })).toMatchObject({
      status: 403,
      body: { code: 'FORBIDDEN' },
    });
    expect(await call(null, 'POST', '', { body })).toMatchObject({
      status: 401,
      body: { code: 'UNAUTHORIZED' },
    });
    expect(await call('kd_live_not-a-key', 'POST', '', { body })).toMatchObject({ status: 401 });
    expect(await db.customer.count({ where: { emailLower: 'nobody@example.com' } })).toBe(0);
  });
});

// Initech's customers, oldest first, one day apart in 2030 (after the fixture's own customer).
const people = [
  ['Dana Kim', 'dana@initech.example'],
  ['Kimberly Ross', 'KIM.ROSS@initech.example'],
  ['Ali 100% Real', 'ali@initech.example'],
  ['Ali_Underscore', 'ali_u@initech.example'],
  ['Zoë Okafor', 'zoe@initech.example'],
] as const;
const ids: string[] = [];
for (const [index, [name, email]] of people.entries()) {
  const row = await db.customer.create({
    data: {
      id: newId('cus'),
      businessId: initech.business.id,
      name,
      nameLower: name.toLowerCase(),
      email,
      emailLower: email.toLowerCase(),
      createdAt: new Date(Date.UTC(2030, 0, 1 + index)),
    },
  });
  ids.push(row.id);
}

describe('GET /api/customers', () => {
  const newestFirst = [...ids].reverse();
  /** The customer ids of one page, newest first, as Initech's read-only key sees them. */
  const list = async (query: string) => {
    const answer = await call(initechRead, 'GET', query);
    expect(answer.status).toBe(200);
    return { ids: apiCustomerListSchema.parse(answer.body).items.map((c) => c.customer_id) };
  };

  it('lists the business’s customers newest first, a page at a time (a read-only key may read)', async () => {
    const pages = await Promise.all(
      [0, 1, 2].map((page) => list(`?page_size=2&page_number=${page}`)),
    );
    expect(pages.map((page) => page.ids)).toEqual([
      newestFirst.slice(0, 2),
      newestFirst.slice(2, 4),
      [newestFirst[4], initech.customer.id],
    ]);
    expect((await list('?page_size=2&page_number=3')).ids).toEqual([]);
    // Defaults: page 0, 10 items; only this business's customers.
    expect((await list('')).ids).toEqual([...newestFirst, initech.customer.id]);
    for (const item of (await call(initechRead, 'GET', '')).body.items) strictCustomer.parse(item);
  });

  it('filters by whole email in any case, part of the name in any case, and creation time', async () => {
    expect((await list('?email=kim.ross@INITECH.example')).ids).toEqual([ids[1]]);
    expect((await list('?email=kim.ross')).ids).toEqual([]);
    expect((await list('?name=KIM')).ids).toEqual([ids[1], ids[0]]);
    expect((await list('?name=%C3%AB%20oka')).ids).toEqual([ids[4]]);
    // LIKE wildcards in a name are plain characters.
    expect((await list('?name=100%25')).ids).toEqual([ids[2]]);
    expect((await list('?name=_')).ids).toEqual([ids[3]]);
    expect(
      (
        await list(
          '?created_at_gte=2030-01-02T00:00:00Z&created_at_lte=2030-01-04T00:00:00%2B00:00',
        )
      ).ids,
    ).toEqual([ids[3], ids[2], ids[1]]);
    expect((await list('?name=kim&created_at_gte=2030-01-02T00:00:00Z')).ids).toEqual([ids[1]]);
  });

  it('refuses invalid filters and paging with 422', async () => {
    for (const query of [
      '?page_size=0',
      '?page_size=101',
      '?page_number=-1',
      '?created_at_gte=yesterday',
      '?email=',
    ]) {
      const answer = await call(initechRead, 'GET', query);
      expect({ query, status: answer.status, code: answer.body.code }).toEqual({
        query,
        status: 422,
        code: 'INVALID_REQUEST_BODY',
      });
    }
  });

  it('refuses a request without an API key (401)', async () => {
    expect(await call(null, 'GET', '')).toMatchObject({
      status: 401,
      body: { code: 'UNAUTHORIZED' },
    });
  });
});

describe('GET /api/customers/{id}', () => {
  it('answers a customer of the business', async () => {
    const answer = await call(acmeReadOnly, 'GET', `/${acme.customer.id}`);
    expect(answer.status).toBe(200);
    expect(strictCustomer.parse(answer.body)).toMatchObject({
      customer_id: acme.customer.id,
      business_id: acme.business.id,
      email: acme.customer.email,
      created_at: acme.customer.createdAt.toISOString(),
    });
  });

  it('answers 404 for another business’s customer and for an unknown id', async () => {
    for (const id of [globex.customer.id, 'cus_unknown']) {
      expect(await call(acmeWrite, 'GET', `/${id}`)).toMatchObject({
        status: 404,
        body: { code: 'CUSTOMER_NOT_FOUND' },
      });
    }
    expect(await call(null, 'GET', `/${acme.customer.id}`)).toMatchObject({ status: 401 });
  });
});

describe('the dodopayments SDK against these endpoints', () => {
  const sdk = (secret: string) =>
    new DodoPayments({
      bearerToken: secret,
      baseURL: 'http://test/api',
      maxRetries: 0,
      fetch: (input, init) => dispatch(new Request(input, init)),
    });

  it('creates, retrieves and lists; refusals are typed errors', async () => {
    const client = sdk(acmeWrite);
    const created = await client.customers.create({ name: 'Via SDK', email: 'sdk@acme.example' });
    expect(created).toMatchObject({ name: 'Via SDK', business_id: acme.business.id });
    const found = await client.customers.create({ name: 'Other', email: 'SDK@acme.example' });
    expect(found.customer_id).toBe(created.customer_id);
    expect(await client.customers.retrieve(created.customer_id)).toEqual(created);
    const page = await client.customers.list({ email: 'sdk@acme.example' });
    expect(page.items).toEqual([created]);

    await expect(client.customers.retrieve(globex.customer.id)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      sdk(acmeReadOnly).customers.create({ name: 'x', email: 'x@acme.example' }),
    ).rejects.toBeInstanceOf(PermissionDeniedError);
  });

  it('auto-paginates every customer from page_number 0; without it, the SDK skips page 1', async () => {
    const client = sdk(initechRead);
    const all = (await call(initechRead, 'GET', '?page_size=100')).body.items.map(
      (customer: { customer_id: string }) => customer.customer_id,
    );
    expect(all).toHaveLength(6);
    const walk = async (query: { page_size: number; page_number?: number }) => {
      const seen: string[] = [];
      for await (const customer of client.customers.list(query)) seen.push(customer.customer_id);
      return seen;
    };
    expect(await walk({ page_size: 2, page_number: 0 })).toEqual(all);
    // The SDK takes an omitted page_number for page 1 and asks for page 2 next (this is why the
    // docs say to pass page_number: 0).
    expect(await walk({ page_size: 2 })).toEqual([...all.slice(0, 2), ...all.slice(4)]);
  });
});
