import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { generateApiKeySecret, hashApiKeySecret } from '@/lib/api-keys/secret';
import { newId } from '@/lib/ids';
import { createBusinessFixture, createTestDatabase } from '@/lib/testing/test-database';

// Property tests of the REST API's edges: every endpoint, called in-process through its route
// handler on a real SQLite file, with generated bodies, query strings and ids. Whatever arrives, the
// answer is never a 5xx; a 4xx is JSON `{ code, message }` with a request id; and a 4xx writes nothing.
process.env.KEYDESK_RATE_LIMIT_PER_ADDRESS = '0';
process.env.KEYDESK_RATE_LIMIT_PER_LICENSE_KEY = '0';

const RUNS = 1000;
const testDb = await createTestDatabase();
afterAll(() => testDb.cleanup());
const { db } = await import('@/lib/db');
const { withIdempotency, IDEMPOTENCY_TTL_MS } = await import('./idempotency');
const { ApiError } = await import('./api-error');
const routes = {
  licenseKeys: await import('@/app/api/license_keys/route'),
  licenseKey: await import('@/app/api/license_keys/[id]/route'),
  activate: await import('@/app/api/licenses/activate/route'),
  deactivate: await import('@/app/api/licenses/deactivate/route'),
  validate: await import('@/app/api/licenses/validate/route'),
  instances: await import('@/app/api/license_key_instances/route'),
  instance: await import('@/app/api/license_key_instances/[id]/route'),
  customers: await import('@/app/api/customers/route'),
  customer: await import('@/app/api/customers/[id]/route'),
  products: await import('@/app/api/products/route'),
  product: await import('@/app/api/products/[id]/route'),
};

// ── Data the generated requests aim at ─────────────────────────────────────────────────────────
const acme = await createBusinessFixture(testDb.db, 'Acme');
const globex = await createBusinessFixture(testDb.db, 'Globex');
const apiKey = generateApiKeySecret();
await testDb.db.apiKey.create({
  data: {
    id: newId('key'),
    businessId: acme.business.id,
    name: 'Fuzz',
    prefix: apiKey.slice(0, 12),
    secretHash: hashApiKeySecret(apiKey),
  },
});

async function seedKey(
  key: string,
  data: { limit?: number | null; disabled?: boolean; expiresAt?: Date } = {},
) {
  return testDb.db.licenseKey.create({
    data: {
      id: newId('lic'),
      businessId: acme.business.id,
      key,
      customerId: acme.customer.id,
      productId: acme.product.id,
      activationsLimit: data.limit === undefined ? 5 : data.limit,
      disabled: data.disabled ?? false,
      expiresAt: data.expiresAt ?? null,
      source: 'import',
    },
  });
}
const patched = await seedKey('FUZZ-PATCHED-0001', { limit: 5 });
const unlimited = await seedKey('FUZZ-UNLIMITED-0001', { limit: null });
const full = await seedKey('FUZZ-FULL-0001', { limit: 0 });
const disabled = await seedKey('FUZZ-DISABLED-0001', { disabled: true });
const expired = await seedKey('FUZZ-EXPIRED-0001', { expiresAt: new Date('2020-01-01T00:00:00Z') });
/** Instances of `key`: those of the patched key stay (PATCH targets); the unlimited key's may be deactivated. */
async function seedInstances(key: { id: string }, names: string[]) {
  const ids = names.map(() => newId('lki'));
  await testDb.db.licenseKeyInstance.createMany({
    data: ids.map((id, i) => ({
      id,
      businessId: acme.business.id,
      licenseKeyId: key.id,
      name: names[i],
    })),
  });
  await testDb.db.licenseKey.update({
    where: { id: key.id },
    data: { instancesCount: names.length },
  });
  return ids;
}
const instanceIds = await seedInstances(patched, ['first', 'second']);
const deactivatable = await seedInstances(unlimited, ['a', 'b', 'c', 'd']);
const otherKey = await testDb.db.licenseKey.create({
  data: {
    id: newId('lic'),
    businessId: globex.business.id,
    key: 'FUZZ-GLOBEX-0001',
    customerId: globex.customer.id,
    productId: globex.product.id,
    source: 'import',
  },
});

// ── Generators ─────────────────────────────────────────────────────────────────────────────────
/** A JSON token written as is: numbers JSON.stringify cannot write (1e309) or that are not JSON at all. */
class Raw {
  constructor(readonly text: string) {}
}
const rawNumber = fc
  .constantFrom(
    '1e309',
    '-1e309',
    '2147483648',
    '2147483647',
    '-1',
    '-0',
    '1.5',
    '1e-400',
    '12345678901234567890123',
    'NaN',
    'Infinity',
    '0x10',
    '01',
  )
  .map((text) => new Raw(text));
const HUGE = [
  'x'.repeat(100_000),
  '€'.repeat(30_000),
  'K'.repeat(256),
  'K'.repeat(255),
  'A'.repeat(65),
];
const oddString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({
    unit: fc.constantFrom(
      '\u0000',
      '\t',
      '\n',
      '\u001f',
      '\u007f',
      '\u0085',
      '\u2028',
      ' ',
      'K',
      '\ud800',
    ),
    maxLength: 20,
  }),
  fc.constantFrom(
    '',
    ' ',
    'null',
    'true',
    '0',
    'NaN',
    '1e309',
    '%00',
    '../..',
    '\'; DROP TABLE "LicenseKey";--',
    '\u202eABC',
    '😀'.repeat(70),
  ),
  fc.constantFrom(...HUGE),
);
const oddDate = fc.oneof(
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc
    .date({ noInvalidDate: true, min: new Date('1900-01-01'), max: new Date('2200-01-01') })
    .map((d) => d.toISOString().replace('Z', '+14:00')),
  fc.constantFrom(
    '2024-02-30T00:00:00Z',
    '2023-02-29T00:00:00Z',
    '2024-13-01T00:00:00Z',
    '2026-01-01',
    '2026-01-01T00:00:00',
    '2026-01-01T24:00:00Z',
    '2026-01-01T00:00:60Z',
    '9999-12-31T23:59:59.999+14:00',
    '0000-01-01T00:00:00Z',
    '+275760-09-13T00:00:00.000Z',
    '2026-01-01T00:00:00+25:00',
    '2026-01-01T00:00:00.123456789Z',
    'yesterday',
    '1e309',
  ),
);
const oddNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(2 ** 31, 2 ** 31 - 1, -(2 ** 31), -1, 0, 2 ** 53, Number.MAX_VALUE, 0.5),
  rawNumber,
);
const scalar = fc.oneof(oddString, oddNumber, oddDate, fc.boolean(), fc.constant(null));
const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), scalar, { maxKeys: 4 }) },
);
const extraFields = fc.dictionary(
  fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom('__proto__', 'constructor', 'id', 'business_id', 'instances_count', 'source'),
  ),
  oddValue,
  { maxKeys: 3 },
);
const invalidJson = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom(
    '{',
    '{"key":',
    "{'key':'a'}",
    '[1,]',
    'nul',
    '\u0000',
    '{"a":1}{"b":2}',
    '{"a":NaN}',
    '\ufeff{}',
    '{"a":"\\ud800"}',
  ),
);

/** Writes a generated value as JSON text, with Raw tokens as they are. */
function toJson(value: unknown): string {
  if (value instanceof Raw) return value.text;
  if (Array.isArray(value))
    return `[${value.map((item) => (item === undefined ? 'null' : toJson(item))).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    return `{${entries.map(([name, item]) => `${JSON.stringify(name)}:${toJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * A body for an endpoint whose valid fields are `fields`: mostly an object of valid values with up to
 * three fields removed or given odd values, sometimes with extra fields; else not an object, or not JSON.
 */
function bodyFor(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<string> {
  const names = Object.keys(fields);
  const change = fc.tuple(fc.constantFrom(...names), fc.option(oddValue, { nil: undefined }));
  const object = fc
    .tuple(
      fc.record(fields),
      fc.oneof(fc.constant([]), fc.array(change, { minLength: 1, maxLength: 3 })),
      fc.option(extraFields),
    )
    .map(([valid, changes, extra]) => {
      const body: Record<string, unknown> = { ...valid };
      for (const [name, value] of changes) {
        if (value === undefined) delete body[name];
        else body[name] = value;
      }
      return toJson(extra ? { ...extra, ...body } : body);
    });
  return fc.oneof(
    { weight: 8, arbitrary: object },
    { weight: 1, arbitrary: fc.oneof(fc.array(oddValue, { maxLength: 3 }), scalar).map(toJson) },
    { weight: 1, arbitrary: invalidJson },
  );
}

const realKey = fc.constantFrom(
  patched.key,
  unlimited.key,
  full.key,
  disabled.key,
  expired.key,
  otherKey.key,
  ` ${unlimited.key} `,
);
const plainName = fc.oneof(
  fc.constantFrom('laptop', 'Build server 2', ' Dana Kim '),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
);
const freshKey = fc.string({ minLength: 6, maxLength: 40 });
/** Mostly the id the API key may use; sometimes another business's, or none. */
const ownedOr = (own: string, other: string, missing: string) =>
  fc.oneof({ weight: 4, arbitrary: fc.constant(own) }, fc.constantFrom(other, missing));
const customerId = ownedOr(acme.customer.id, globex.customer.id, 'cus_missing');
const productId = ownedOr(acme.product.id, globex.product.id, 'pdt_missing');
/** For deactivate and validate: never the patched key's own instances with the patched key. */
const instanceId = fc.constantFrom(...deactivatable, ...instanceIds, 'lki_missing');
const keyForInstance = fc.oneof(
  freshKey,
  fc.constantFrom(unlimited.key, full.key, disabled.key, expired.key, otherKey.key),
);
const limit = fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constant(null));
const futureDate = fc.constantFrom('2030-01-01T00:00:00Z', '2031-06-01T12:00:00+02:00', null);
const idParam = (...ids: string[]) =>
  fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...ids) }, { weight: 2, arbitrary: oddString });
/** An Idempotency-Key that is refused before anything is claimed (a valid one stores its answer). */
const badIdempotencyKey = fc.option(fc.constantFrom('', 'k'.repeat(256)), { freq: 5 });

// ── The property ───────────────────────────────────────────────────────────────────────────────
/** Row counts, and the fields of the rows PATCH aims at: what a 4xx must leave as it was. */
async function snapshot() {
  const [row] = await db.$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT (SELECT count(*) FROM "LicenseKey") AS keys,
            (SELECT count(*) FROM "LicenseKeyInstance") AS instances,
            (SELECT count(*) FROM "Customer") AS customers,
            (SELECT count(*) FROM "AuditEvent") AS audit,
            (SELECT count(*) FROM "IdempotencyRecord") AS idempotency,
            (SELECT group_concat(id || ':' || coalesce("activationsLimit", '-') || ':' || coalesce("expiresAt", '-')
               || ':' || disabled || ':' || "instancesCount", ',') FROM "LicenseKey" WHERE id = ?) AS patched,
            (SELECT group_concat(id || ':' || name, ',') FROM "LicenseKeyInstance" WHERE "licenseKeyId" = ?) AS names`,
    patched.id,
    patched.id,
  );
  return JSON.stringify(row, (_, value) => (typeof value === 'bigint' ? Number(value) : value));
}

/** Any route handler: the params' type differs per route, and `send` passes what the route expects. */
type Handler = (request: Request, context: { params: Promise<never> }) => Promise<Response>;

/** Sends one generated request and checks the answer; returns its status. */
async function send(
  handler: Handler,
  request: {
    method: string;
    path: string;
    body?: string;
    params?: Record<string, string>;
    idempotencyKey?: string | null;
  },
  auth = true,
) {
  const before = await snapshot();
  const headers: Record<string, string> = { 'x-forwarded-for': '203.0.113.7' };
  if (auth) headers.authorization = `Bearer ${apiKey}`;
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  if (typeof request.idempotencyKey === 'string')
    headers['idempotency-key'] = request.idempotencyKey;
  const response = await handler(
    new Request(`http://keydesk.test${request.path}`, {
      method: request.method,
      headers,
      body: request.body,
    }),
    { params: Promise.resolve(request.params ?? {}) as Promise<never> },
  );
  const text = await response.text();
  const context = `${request.method} ${request.path} ${(request.body ?? '').slice(0, 300)} → ${response.status} ${text.slice(0, 300)}`;
  expect(response.status, context).toBeLessThan(500);
  expect(response.headers.get('x-request-id'), context).toMatch(/^req_[A-Za-z0-9_-]+$/);
  if (response.status >= 400) {
    expect(response.headers.get('content-type'), context).toContain('application/json');
    const body = JSON.parse(text);
    expect(body, context).toMatchObject({
      code: expect.stringMatching(/^[A-Z_]+$/),
      message: expect.any(String),
    });
    expect(await snapshot(), context).toBe(before);
  } else if (text !== '') {
    expect(() => JSON.parse(text), context).not.toThrow();
  }
  return response.status;
}

/** Runs RUNS generated requests and returns how many answered each status, to check the mix. */
async function fuzz<T>(arbitrary: fc.Arbitrary<T>, run: (value: T) => Promise<number>) {
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(arbitrary, async (value) => {
      const status = await run(value);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }),
    { numRuns: RUNS },
  );
  return statuses;
}

/** An id as a path segment (a lone surrogate cannot be percent-encoded: the handler gets it as a param). */
function pathSegment(id: string) {
  try {
    return encodeURIComponent(id);
  } catch {
    return 'unencodable';
  }
}

describe('generated bodies: never a 5xx, always {code, message} on a 4xx, nothing written on a 4xx', () => {
  it('POST /license_keys', async () => {
    const arbitrary = fc.tuple(
      bodyFor({
        key: fc.oneof(freshKey, realKey),
        customer_id: customerId,
        product_id: productId,
        activations_limit: limit,
        expires_at: futureDate,
      }),
      badIdempotencyKey,
    );
    const statuses = await fuzz(arbitrary, ([body, idempotencyKey]) =>
      send(routes.licenseKeys.POST, {
        method: 'POST',
        path: '/api/license_keys',
        body,
        idempotencyKey,
      }),
    );
    // The generators reach the handler's own answers, not only the validation failure.
    expect([...statuses.keys()]).toEqual(expect.arrayContaining([201, 400, 404, 409, 413, 422]));
  });

  it('PATCH /license_keys/{id}', async () => {
    const arbitrary = fc.tuple(
      idParam(patched.id, otherKey.id),
      bodyFor({
        activations_limit: limit,
        disabled: fc.oneof(fc.boolean(), fc.constant(null)),
        expires_at: futureDate,
      }),
    );
    const statuses = await fuzz(arbitrary, ([id, body]) =>
      send(routes.licenseKey.PATCH, {
        method: 'PATCH',
        path: `/api/license_keys/${pathSegment(id)}`,
        body,
        params: { id },
      }),
    );
    expect([...statuses.keys()]).toEqual(expect.arrayContaining([200, 400, 404, 422]));
  });

  it('POST /licenses/activate', async () => {
    const arbitrary = fc.tuple(
      bodyFor({ license_key: fc.oneof(realKey, freshKey), name: plainName }),
      badIdempotencyKey,
    );
    const statuses = await fuzz(arbitrary, ([body, idempotencyKey]) =>
      send(
        routes.activate.POST,
        { method: 'POST', path: '/api/licenses/activate', body, idempotencyKey },
        false,
      ),
    );
    expect([...statuses.keys()]).toEqual(expect.arrayContaining([201, 400, 403, 404, 422]));
  });

  it('POST /licenses/deactivate', async () => {
    const body = bodyFor({ license_key: keyForInstance, license_key_instance_id: instanceId });
    const statuses = await fuzz(body, (text) =>
      send(
        routes.deactivate.POST,
        { method: 'POST', path: '/api/licenses/deactivate', body: text },
        false,
      ),
    );
    expect([...statuses.keys()]).toEqual(expect.arrayContaining([200, 400, 404, 422]));
  });

  it('POST /licenses/validate', async () => {
    const body = bodyFor({
      license_key: fc.oneof(realKey, freshKey),
      license_key_instance_id: fc.oneof(instanceId, fc.constant(null)),
    });
    const statuses = await fuzz(body, (text) =>
      send(
        routes.validate.POST,
        { method: 'POST', path: '/api/licenses/validate', body: text },
        false,
      ),
    );
    expect([...statuses.keys()]).toEqual(expect.arrayContaining([200, 400, 422]));
  });

  it('POST /customers', async () => {
    const email = fc.oneof(
      fc.emailAddress(),
      fc.stringMatching(/^[a-z0-9]{1,12}@[a-z]{2,8}\.example$/),
      fc.constantFrom(acme.customer.email, acme.customer.email.toUpperCase()),
    );
    const arbitrary = fc.tuple(
      bodyFor({
        name: plainName,
        email,
        phone_number: fc.option(fc.string({ maxLength: 20 })),
        metadata: fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }),
      }),
      badIdempotencyKey,
    );
    const statuses = await fuzz(arbitrary, ([body, idempotencyKey]) =>
      send(routes.customers.POST, { method: 'POST', path: '/api/customers', body, idempotencyKey }),
    );
    expect([...statuses.keys()]).toEqual(expect.arrayContaining([200, 201, 400, 422]));
  });

  it('PATCH /license_key_instances/{id}', async () => {
    const arbitrary = fc.tuple(idParam(...instanceIds), bodyFor({ name: plainName }));
    const statuses = await fuzz(arbitrary, ([id, body]) =>
      send(routes.instance.PATCH, {
        method: 'PATCH',
        path: `/api/license_key_instances/${pathSegment(id)}`,
        body,
        params: { id },
      }),
    );
    expect([...statuses.keys()]).toEqual(expect.arrayContaining([200, 400, 404, 422]));
  });
});

// ── Query strings and ids ──────────────────────────────────────────────────────────────────────
const queryValue = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '0',
      '1',
      '2',
      '100',
      '101',
      '-1',
      '',
      '1.5',
      '1e309',
      'NaN',
      '2147483648',
      '0x10',
      ' 3 ',
      'true',
      'active',
      'expired',
      'disabled',
      'auto',
      'import',
      'manual',
    ),
  },
  { weight: 2, arbitrary: oddDate },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      acme.customer.id,
      acme.product.id,
      patched.id,
      acme.customer.email,
      'acme',
      acme.business.id,
    ),
  },
  { weight: 2, arbitrary: oddString.filter((s) => s.length < 2000) },
);
const LIST_PARAMS = [
  'page_number',
  'page_size',
  'customer_id',
  'product_id',
  'status',
  'source',
  'created_at_gte',
  'created_at_lte',
  'license_key_id',
  'email',
  'name',
  'archived',
  'recurring',
  'brand_id',
];
const queryString = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .array(
        fc.tuple(
          fc.oneof(fc.constantFrom(...LIST_PARAMS), fc.string({ maxLength: 6 })),
          queryValue,
        ),
        { maxLength: 5 },
      )
      .map((pairs) => new URLSearchParams(pairs).toString()),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '%',
      '%zz',
      '&&==&',
      'page_size=%FF',
      'page_number=1&page_number=x',
      'a=%00',
      'status=active%00',
      '?',
    ),
  },
);

describe('generated query strings and ids: never a 5xx, always {code, message} on a 4xx', () => {
  const lists: [string, Handler][] = [
    ['/api/license_keys', routes.licenseKeys.GET],
    ['/api/license_key_instances', routes.instances.GET],
    ['/api/customers', routes.customers.GET],
    ['/api/products', routes.products.GET],
  ];
  it.each(lists)('GET %s', async (path, handler) => {
    const statuses = await fuzz(queryString, (query) =>
      send(handler, { method: 'GET', path: `${path}?${query}` }),
    );
    expect([...statuses.keys()]).toEqual(expect.arrayContaining([200, 422]));
  });

  it('GET one license key, instance, customer or product by a generated id', async () => {
    const handlers: [string, Handler][] = [
      ['license_keys', routes.licenseKey.GET],
      ['license_key_instances', routes.instance.GET],
      ['customers', routes.customer.GET],
      ['products', routes.product.GET],
    ];
    const ids = idParam(
      patched.id,
      otherKey.id,
      instanceIds[0],
      acme.customer.id,
      globex.customer.id,
      acme.product.id,
      globex.product.id,
    );
    const statuses = await fuzz(
      fc.tuple(fc.constantFrom(...handlers), ids),
      ([[path, handler], id]) =>
        send(handler, {
          method: 'GET',
          path: `/api/${path}/${pathSegment(id)}`,
          params: { id },
        }),
    );
    expect([...statuses.keys()]).toEqual(expect.arrayContaining([200, 404]));
  });
});

describe('Idempotency-Key expiry (withIdempotency with its now parameter)', () => {
  const request = { method: 'POST', path: '/api/license_keys', body: '{"key":"EXPIRY-0001"}' };
  const t0 = new Date('2026-03-01T12:00:00Z');
  const at = (ms: number) => new Date(t0.getTime() + ms);

  it('replays within 24 hours, refuses another body, and executes again once 24 hours have passed', async () => {
    let runs = 0;
    const run = async () => ({ status: 201, body: JSON.stringify({ run: ++runs }) });
    const key = `expiry-${newId('evt')}`;

    expect(await withIdempotency('test', key, request, run, t0)).toEqual({
      status: 201,
      body: '{"run":1}',
      replayed: false,
    });
    expect(await withIdempotency('test', key, request, run, at(IDEMPOTENCY_TTL_MS - 1))).toEqual({
      status: 201,
      body: '{"run":1}',
      replayed: true,
    });
    const other = withIdempotency(
      'test',
      key,
      { ...request, body: '{"key":"EXPIRY-0002"}' },
      run,
      at(60_000),
    );
    await expect(other).rejects.toMatchObject({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
    await expect(other).rejects.toBeInstanceOf(ApiError);
    expect(runs).toBe(1);

    expect(await withIdempotency('test', key, request, run, at(IDEMPOTENCY_TTL_MS))).toEqual({
      status: 201,
      body: '{"run":2}',
      replayed: false,
    });
    // The new answer is the one replayed now, for 24 hours from its own request.
    expect(
      await withIdempotency('test', key, request, run, at(2 * IDEMPOTENCY_TTL_MS - 1)),
    ).toMatchObject({
      body: '{"run":2}',
      replayed: true,
    });
    expect(await db.idempotencyRecord.count({ where: { key: `test:${key}` } })).toBe(1);
  });

  it('after 24 hours another body is executed, not refused', async () => {
    const key = `expiry-${newId('evt')}`;
    const run = async () => ({ status: 200, body: '{}' });
    await withIdempotency('test', key, request, run, t0);
    const later = await withIdempotency(
      'test',
      key,
      { ...request, body: '{"other":true}' },
      run,
      at(IDEMPOTENCY_TTL_MS + 1),
    );
    expect(later.replayed).toBe(false);
  });

  it('while the first request runs, the same key is refused with 409', async () => {
    const key = `inflight-${newId('evt')}`;
    let finish!: () => void;
    const first = withIdempotency(
      'test',
      key,
      request,
      () => new Promise((resolve) => (finish = () => resolve({ status: 201, body: '{}' }))),
      t0,
    );
    await expect.poll(() => db.idempotencyRecord.count({ where: { key: `test:${key}` } })).toBe(1);
    await expect(
      withIdempotency('test', key, request, async () => ({ status: 201, body: '{}' }), t0),
    ).rejects.toMatchObject({
      status: 409,
      code: 'IDEMPOTENCY_REQUEST_IN_PROGRESS',
    });
    finish();
    expect((await first).replayed).toBe(false);
  });
});
