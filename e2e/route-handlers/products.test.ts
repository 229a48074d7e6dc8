import DodoPayments, { NotFoundError } from 'dodopayments';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { newId } from '@/lib/ids';
import { createBusinessFixture, createTestDatabase } from '@/lib/testing/test-database';
import { apiKeySecret } from './support';
import { apiProductListSchema, apiProductSchema } from '@/lib/products/api-schema';

// The product endpoints, called in-process through their route handlers on a real SQLite file,
// with API keys of two businesses; last, through the official dodopayments SDK.

const testDb = await createTestDatabase();
const { db } = testDb;
const listRoute = await import('@/app/api/products/route');
const itemRoute = await import('@/app/api/products/[id]/route');
const { updateProduct } = await import('@/lib/products/data-write');
afterAll(() => testDb.cleanup());

const acme = await createBusinessFixture(db, 'Acme');
const globex = await createBusinessFixture(db, 'Globex');

const acmeRead = await apiKeySecret(acme.owner, 'Reports', true);
const acmeWrite = await apiKeySecret(acme.owner, 'CI', false);

// Acme's products besides the fixture's, oldest first, one day apart in 2030.
const terms = [
  { limit: null, count: null, interval: null },
  { limit: 1, count: 30, interval: 'day' },
  { limit: 5, count: 2, interval: 'week' },
  { limit: 10, count: 6, interval: 'month' },
] as const;
const ids: string[] = [];
for (const [index, term] of terms.entries()) {
  const product = await db.product.create({
    data: {
      id: newId('pdt'),
      businessId: acme.business.id,
      name: `Tool ${index}`,
      nameLower: `tool ${index}`,
      licenseKeyActivationsLimit: term.limit,
      licenseKeyDurationCount: term.count,
      licenseKeyDurationInterval: term.interval,
      createdAt: new Date(Date.UTC(2030, 0, 1 + index)),
    },
  });
  ids.push(product.id);
}
const allNewestFirst = [...[...ids].reverse(), acme.product.id];

const serverErrors: string[] = [];
afterEach(() => expect(serverErrors).toEqual([]));

async function dispatch(request: Request): Promise<Response> {
  const path = new URL(request.url).pathname;
  const match = /^\/api\/products(?:\/([^/]+))?$/.exec(path);
  if (!match) throw new Error(`no route for ${path}`);
  const response = match[1]
    ? await itemRoute.GET(request, {
        params: Promise.resolve({ id: decodeURIComponent(match[1]) }),
      })
    : await listRoute.GET(request, { params: Promise.resolve({}) });
  if (response.status >= 500) serverErrors.push(`${path} ${await response.clone().text()}`);
  return response;
}

async function get(secret: string | null, path: string) {
  const response = await dispatch(
    new Request(`http://test/api/products${path}`, {
      headers: secret ? { authorization: `Bearer ${secret}` } : {},
    }),
  );
  return { status: response.status, body: await response.json() };
}

async function listIds(query: string) {
  const answer = await get(acmeRead, query);
  expect(answer.status).toBe(200);
  return apiProductListSchema.parse(answer.body).items.map((product) => product.product_id);
}

/** Every answer has exactly the documented fields. */
const strictProduct = apiProductSchema.strict();

describe('GET /api/products', () => {
  it('lists the business’s products newest first, a page at a time', async () => {
    expect(await listIds('')).toEqual(allNewestFirst);
    expect(await listIds('?page_size=2&page_number=0')).toEqual(allNewestFirst.slice(0, 2));
    expect(await listIds('?page_size=2&page_number=2')).toEqual(allNewestFirst.slice(4));
    expect(await listIds('?page_size=2&page_number=3')).toEqual([]);
  });

  it('answers Dodo’s product shape, with honest values for what Keydesk lacks', async () => {
    const { body } = await get(acmeRead, '?page_size=100');
    const products = body.items.map((item: unknown) => strictProduct.parse(item));
    const byId = new Map(
      products.map((product: { product_id: string }) => [product.product_id, product]),
    );
    expect(byId.get(acme.product.id)).toEqual({
      product_id: acme.product.id,
      business_id: acme.business.id,
      brand_id: acme.business.id,
      name: 'Acme App',
      description: null,
      image: null,
      created_at: acme.product.createdAt.toISOString(),
      updated_at: acme.product.createdAt.toISOString(),
      is_recurring: false,
      license_key_enabled: true,
      license_key_activations_limit: 3,
      license_key_duration: { count: 1, interval: 'Year' },
      metadata: {},
      entitlements: [],
      credit_entitlements: [],
      price: null,
      tax_category: null,
    });
    expect(ids.map((id) => byId.get(id))).toMatchObject([
      { license_key_activations_limit: null, license_key_duration: null },
      { license_key_activations_limit: 1, license_key_duration: { count: 30, interval: 'Day' } },
      { license_key_activations_limit: 5, license_key_duration: { count: 2, interval: 'Week' } },
      { license_key_activations_limit: 10, license_key_duration: { count: 6, interval: 'Month' } },
    ]);
  });

  it('keeps every product or none for Dodo’s recurring and brand filters; none is archived yet', async () => {
    expect(await listIds('?archived=true')).toEqual([]);
    expect(await listIds('?recurring=true')).toEqual([]);
    expect(await listIds(`?brand_id=${globex.business.id}`)).toEqual([]);
    expect(await listIds(`?archived=false&recurring=false&brand_id=${acme.business.id}`)).toEqual(
      allNewestFirst,
    );
    for (const query of ['?archived=yes', '?recurring=1', '?page_size=0', '?brand_id=']) {
      const answer = await get(acmeRead, query);
      expect({ query, status: answer.status, code: answer.body.code }).toEqual({
        query,
        status: 422,
        code: 'INVALID_REQUEST_BODY',
      });
    }
  });

  it('refuses a request without an API key (401)', async () => {
    expect(await get(null, '')).toMatchObject({ status: 401, body: { code: 'UNAUTHORIZED' } });
  });
});

describe('GET /api/products/{id}', () => {
  it('answers a product; updated_at follows its latest recorded change', async () => {
    const before = await get(acmeRead, `/${ids[1]}`);
    expect(before.status).toBe(200);
    expect(strictProduct.parse(before.body)).toMatchObject({
      product_id: ids[1],
      created_at: '2030-01-02T00:00:00.000Z',
      updated_at: '2030-01-02T00:00:00.000Z',
    });

    const edited = await updateProduct(acme.admin, ids[1], {
      name: 'Tool One Renamed',
      description: '',
      activationsLimit: 2,
      keyLifetime: { count: 1, interval: 'year' },
      keyPrefix: null,
    });
    expect(edited.ok).toBe(true);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { objectType: 'product', objectId: ids[1] },
    });
    const after = await get(acmeRead, `/${ids[1]}`);
    expect(after.body).toMatchObject({
      name: 'Tool One Renamed',
      license_key_activations_limit: 2,
      license_key_duration: { count: 1, interval: 'Year' },
      created_at: '2030-01-02T00:00:00.000Z',
      updated_at: event.createdAt.toISOString(),
    });
    const listed = (await get(acmeRead, '?page_size=100')).body.items;
    expect(listed.find((item: { product_id: string }) => item.product_id === ids[1])).toEqual(
      after.body,
    );
  });

  it('answers 404 for another business’s product and for an unknown id', async () => {
    for (const id of [globex.product.id, 'pdt_unknown']) {
      expect(await get(acmeWrite, `/${id}`)).toMatchObject({
        status: 404,
        body: { code: 'PRODUCT_NOT_FOUND' },
      });
    }
    expect(await get(null, `/${acme.product.id}`)).toMatchObject({ status: 401 });
  });
});

describe('the dodopayments SDK against these endpoints', () => {
  const client = new DodoPayments({
    bearerToken: acmeRead,
    baseURL: 'http://test/api',
    maxRetries: 0,
    fetch: (input, init) => dispatch(new Request(input, init)),
  });

  it('lists every product from page_number 0 and retrieves one; 404 is NotFoundError', async () => {
    const seen: string[] = [];
    for await (const product of client.products.list({ page_number: 0, page_size: 2 })) {
      seen.push(product.product_id);
    }
    expect(seen).toEqual(allNewestFirst);
    const product = await client.products.retrieve(acme.product.id);
    expect(product).toMatchObject({ product_id: acme.product.id, license_key_enabled: true });
    await expect(client.products.retrieve(globex.product.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});
