import DodoPayments, { NotFoundError, PermissionDeniedError } from 'dodopayments';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createBusinessFixture, createTestDatabase } from '@/lib/testing/test-database';
import { apiProductSchema } from '@/lib/products/api-schema';
import { apiKeySecret } from './support';

// Creating, changing, archiving and unarchiving products through their route handlers, in-process
// on a real database, with API keys of two businesses; then the same through the official SDK.

const testDb = await createTestDatabase();
const { db } = testDb;
const listRoute = await import('@/app/api/products/route');
const itemRoute = await import('@/app/api/products/[id]/route');
const unarchiveRoute = await import('@/app/api/products/[id]/unarchive/route');
const licenseKeysRoute = await import('@/app/api/license_keys/route');
afterAll(() => testDb.cleanup());

const acme = await createBusinessFixture(db, 'Acme');
const globex = await createBusinessFixture(db, 'Globex');
const acmeRead = await apiKeySecret(acme.owner, 'Reports', true);
const acmeWrite = await apiKeySecret(acme.owner, 'CI', false);

const serverErrors: string[] = [];
afterEach(() => expect(serverErrors).toEqual([]));

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

async function dispatch(request: Request): Promise<Response> {
  const path = new URL(request.url).pathname;
  const method = request.method as Method;
  const match = /^\/api\/products(?:\/([^/]+)(\/unarchive)?)?$/.exec(path);
  let response: Response;
  if (path === '/api/license_keys' && method === 'POST') {
    response = await licenseKeysRoute.POST(request, { params: Promise.resolve({}) });
  } else if (!match) {
    throw new Error(`no route for ${method} ${path}`);
  } else if (!match[1]) {
    const handler = { GET: listRoute.GET, POST: listRoute.POST }[method as 'GET' | 'POST'];
    response = await handler(request, { params: Promise.resolve({}) });
  } else {
    const params = Promise.resolve({ id: decodeURIComponent(match[1]) });
    const handler = match[2]
      ? unarchiveRoute.POST
      : { GET: itemRoute.GET, PATCH: itemRoute.PATCH, DELETE: itemRoute.DELETE }[
          method as 'GET' | 'PATCH' | 'DELETE'
        ];
    response = await handler(request, { params });
  }
  if (response.status >= 500) serverErrors.push(`${path} ${await response.clone().text()}`);
  return response;
}

async function call(
  secret: string,
  method: Method,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const response = await dispatch(
    new Request(`http://test/api${path}`, {
      method,
      headers: {
        authorization: `Bearer ${secret}`,
        'content-type': 'application/json',
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
  );
  return { status: response.status, body: await response.json(), headers: response.headers };
}

const dodoCreate = {
  name: 'Photo Editor Pro',
  description: 'Edits photos.',
  price: { type: 'one_time_price', currency: 'USD', price: 4900, discount: 0 },
  tax_category: 'digital_products',
  license_key_enabled: true,
  license_key_activations_limit: 3,
  license_key_duration: { count: 1, interval: 'Year' },
  metadata: { team: 'imaging' },
  addons: [],
};

describe('POST /api/products', () => {
  it('creates a product from Dodo’s create body (201), storing no price', async () => {
    const answer = await call(acmeWrite, 'POST', '/products', dodoCreate);
    expect(answer.status).toBe(201);
    const product = apiProductSchema.strict().parse(answer.body);
    expect(product).toMatchObject({
      product_id: expect.stringMatching(/^pdt_/),
      business_id: acme.business.id,
      name: 'Photo Editor Pro',
      description: 'Edits photos.',
      license_key_enabled: true,
      license_key_activations_limit: 3,
      license_key_duration: { count: 1, interval: 'Year' },
      price: null,
      tax_category: null,
      metadata: {},
    });
    expect(await db.product.findUniqueOrThrow({ where: { id: product.product_id } })).toMatchObject(
      {
        businessId: acme.business.id,
        licenseKeyDurationInterval: 'year',
        keyPrefix: null,
        archivedAt: null,
      },
    );
    const event = await db.auditEvent.findFirstOrThrow({
      where: { objectType: 'product', objectId: product.product_id },
    });
    expect(event).toMatchObject({ action: 'product.created', actorType: 'api_key' });
    expect((await call(acmeRead, 'GET', `/products/${product.product_id}`)).body).toEqual(product);
  });

  it('takes a name alone; an empty description reads as null', async () => {
    const answer = await call(acmeWrite, 'POST', '/products', { name: 'Bare', key_prefix: 'bare' });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      description: null,
      license_key_activations_limit: null,
      license_key_duration: null,
    });
    const stored = await db.product.findUniqueOrThrow({ where: { id: answer.body.product_id } });
    expect(stored).toMatchObject({ keyPrefix: 'BARE', description: '' });
  });

  it.each([
    ['no name', { ...dodoCreate, name: undefined }, 'name'],
    ['a blank name', { ...dodoCreate, name: '  ' }, 'name'],
    [
      'a price of an unknown kind',
      { ...dodoCreate, price: { type: 'free', currency: 'USD' } },
      'price.type',
    ],
    ['an unknown tax category', { ...dodoCreate, tax_category: 'food' }, 'tax_category'],
    [
      'license keys turned off',
      { ...dodoCreate, license_key_enabled: false },
      'license_key_enabled',
    ],
    [
      'a negative limit',
      { ...dodoCreate, license_key_activations_limit: -1 },
      'license_key_activations_limit',
    ],
    [
      'an unknown interval',
      { ...dodoCreate, license_key_duration: { count: 1, interval: 'Decade' } },
      'license_key_duration.interval',
    ],
    [
      'a lifetime of 0',
      { ...dodoCreate, license_key_duration: { count: 0, interval: 'Day' } },
      'license_key_duration.count',
    ],
    [
      'a description over 1,000 characters',
      { ...dodoCreate, description: 'x'.repeat(1001) },
      'description',
    ],
  ])('refuses %s with 422 naming the field, writing nothing', async (_label, body, field) => {
    const before = await db.product.count();
    const answer = await call(acmeWrite, 'POST', '/products', body);
    expect(answer.status).toBe(422);
    expect(answer.body.code).toBe('INVALID_REQUEST_BODY');
    expect(Object.keys(answer.body.errors)).toContain(field);
    expect(await db.product.count()).toBe(before);
  });

  it('refuses a read-only key (403) and replays an Idempotency-Key', async () => {
    expect(await call(acmeRead, 'POST', '/products', dodoCreate)).toMatchObject({
      status: 403,
      body: { code: 'FORBIDDEN' },
    });
    const headers = { 'idempotency-key': `create-${acme.business.id}` };
    const first = await call(acmeWrite, 'POST', '/products', { name: 'Once' }, headers);
    const again = await call(acmeWrite, 'POST', '/products', { name: 'Once' }, headers);
    expect(first.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await db.product.count({ where: { name: 'Once' } })).toBe(1);
  });
});

describe('PATCH /api/products/{id}', () => {
  it('changes what is sent, keeps what is absent, and clears with null', async () => {
    const created = (await call(acmeWrite, 'POST', '/products', dodoCreate)).body;
    const id = created.product_id;
    const renamed = await call(acmeWrite, 'PATCH', `/products/${id}`, {
      name: 'Photo Editor Max',
      description: null,
      price: { type: 'one_time_price', currency: 'EUR', price: 100 },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({
      name: 'Photo Editor Max',
      description: 'Edits photos.',
      license_key_activations_limit: 3,
      license_key_duration: { count: 1, interval: 'Year' },
    });
    const cleared = await call(acmeWrite, 'PATCH', `/products/${id}`, {
      license_key_activations_limit: null,
      license_key_duration: null,
      description: '',
    });
    expect(cleared.body).toMatchObject({
      name: 'Photo Editor Max',
      description: null,
      license_key_activations_limit: null,
      license_key_duration: null,
    });
    expect(cleared.body.updated_at >= renamed.body.updated_at).toBe(true);
  });

  it('answers 404 for another business’s product, 403 for a read-only key, 422 for a bad field', async () => {
    expect(
      await call(acmeWrite, 'PATCH', `/products/${globex.product.id}`, { name: 'Mine' }),
    ).toMatchObject({ status: 404, body: { code: 'PRODUCT_NOT_FOUND' } });
    expect(
      (await call(acmeRead, 'PATCH', `/products/${acme.product.id}`, { name: 'X' })).status,
    ).toBe(403);
    expect(
      (await call(acmeWrite, 'PATCH', `/products/${acme.product.id}`, { key_prefix: '9X' })).status,
    ).toBe(422);
    expect((await db.product.findUniqueOrThrow({ where: { id: globex.product.id } })).name).toBe(
      'Globex App',
    );
  });
});

describe('DELETE /api/products/{id} and POST /api/products/{id}/unarchive', () => {
  it('archives: gone from the list, listed with archived=true, refuses new keys; unarchive undoes it', async () => {
    const id = (await call(acmeWrite, 'POST', '/products', { name: 'Retiring' })).body.product_id;
    const listed = async (query: string) =>
      (await call(acmeRead, 'GET', `/products?page_size=100${query}`)).body.items.map(
        (item: { product_id: string }) => item.product_id,
      );
    expect(await call(acmeWrite, 'DELETE', `/products/${id}`)).toMatchObject({
      status: 200,
      body: {},
    });
    expect(await listed('')).not.toContain(id);
    expect(await listed('&archived=false')).not.toContain(id);
    expect(await listed('&archived=true')).toEqual([id]);
    expect((await call(acmeRead, 'GET', `/products/${id}`)).status).toBe(200);

    const key = { customer_id: acme.customer.id, product_id: id, key: `ARCH-${id}` };
    expect(await call(acmeWrite, 'POST', '/license_keys', key)).toMatchObject({
      status: 422,
      body: { code: 'PRODUCT_ARCHIVED', errors: { product_id: expect.any(Array) } },
    });
    // Archiving twice is no error and records nothing more.
    expect((await call(acmeWrite, 'DELETE', `/products/${id}`)).status).toBe(200);

    expect(await call(acmeWrite, 'POST', `/products/${id}/unarchive`)).toMatchObject({
      status: 200,
      body: {},
    });
    expect(await listed('')).toContain(id);
    expect((await call(acmeWrite, 'POST', '/license_keys', key)).status).toBe(201);
    const actions = await db.auditEvent.findMany({
      where: { objectType: 'product', objectId: id },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: { action: true },
    });
    expect(actions.map((row) => row.action)).toEqual([
      'product.created',
      'product.archived',
      'product.unarchived',
    ]);
  });

  it('answers 404 for another business’s product and 403 for a read-only key', async () => {
    for (const [method, path] of [
      ['DELETE', `/products/${globex.product.id}`],
      ['POST', `/products/${globex.product.id}/unarchive`],
    ] as const) {
      expect(await call(acmeWrite, method, path)).toMatchObject({
        status: 404,
        body: { code: 'PRODUCT_NOT_FOUND' },
      });
    }
    expect((await call(acmeRead, 'DELETE', `/products/${acme.product.id}`)).status).toBe(403);
    expect((await call(acmeRead, 'POST', `/products/${acme.product.id}/unarchive`)).status).toBe(
      403,
    );
    const rows = await db.product.findMany({
      where: { id: { in: [acme.product.id, globex.product.id] } },
      select: { archivedAt: true },
    });
    expect(rows).toEqual([{ archivedAt: null }, { archivedAt: null }]);
  });
});

describe('the dodopayments SDK against these endpoints', () => {
  const client = (bearerToken: string) =>
    new DodoPayments({
      bearerToken,
      baseURL: 'http://test/api',
      maxRetries: 0,
      fetch: (input, init) => dispatch(new Request(input, init)),
    });

  it('products.create, update, archive and unarchive', async () => {
    const sdk = client(acmeWrite);
    const created = await sdk.products.create({
      name: 'SDK Product',
      price: { type: 'one_time_price', currency: 'USD', price: 0 },
      tax_category: 'saas',
      license_key_enabled: true,
      license_key_activations_limit: 5,
      license_key_duration: { count: 6, interval: 'Month' },
    });
    expect(created).toMatchObject({ name: 'SDK Product', license_key_activations_limit: 5 });
    const id = created.product_id;
    await expect(sdk.products.update(id, { description: 'Via the SDK.' })).resolves.toBeDefined();
    expect((await sdk.products.retrieve(id)).description).toBe('Via the SDK.');
    await sdk.products.archive(id);
    expect((await db.product.findUniqueOrThrow({ where: { id } })).archivedAt).not.toBeNull();
    await sdk.products.unarchive(id);
    expect((await db.product.findUniqueOrThrow({ where: { id } })).archivedAt).toBeNull();
    await expect(sdk.products.archive(globex.product.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(client(acmeRead).products.archive(id)).rejects.toBeInstanceOf(
      PermissionDeniedError,
    );
  });
});
