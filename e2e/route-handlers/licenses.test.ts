import { createHash } from 'node:crypto';
import DodoPayments, { NotFoundError, UnprocessableEntityError } from 'dodopayments';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { newId } from '@/lib/ids';
import { createBusinessFixture, createTestDatabase } from '@/lib/testing/test-database';

// The public license endpoints, called in-process through their route handlers on a real SQLite file.
// Rate limits are off (0) unless a test turns one on; readEnv() reads process.env on every request.
process.env.KEYDESK_RATE_LIMIT_PER_LICENSE_KEY = '0';
process.env.KEYDESK_RATE_LIMIT_PER_ADDRESS = '0';

const testDb = await createTestDatabase();
const { db } = testDb;
const activateRoute = (await import('@/app/api/licenses/activate/route')).POST;
const deactivateRoute = (await import('@/app/api/licenses/deactivate/route')).POST;
const validateRoute = (await import('@/app/api/licenses/validate/route')).POST;
afterAll(() => testDb.cleanup());

const acme = await createBusinessFixture(db, 'Acme');

type Handler = typeof activateRoute;
const routes: Record<string, Handler> = {
  '/api/licenses/activate': activateRoute,
  '/api/licenses/deactivate': deactivateRoute,
  '/api/licenses/validate': validateRoute,
};

// Every answer of every test is checked for a 500 after the test.
const serverErrors: string[] = [];
afterEach(() => {
  vi.useRealTimers();
  process.env.KEYDESK_RATE_LIMIT_PER_LICENSE_KEY = '0';
  process.env.KEYDESK_RATE_LIMIT_PER_ADDRESS = '0';
  expect(serverErrors).toEqual([]);
});

async function dispatch(request: Request): Promise<Response> {
  const path = new URL(request.url).pathname;
  const response = await routes[path](request, { params: Promise.resolve({}) });
  if (response.status >= 500) serverErrors.push(`${path} ${await response.clone().text()}`);
  return response;
}

/** POSTs `body` (an object as JSON, a string as is) to a public endpoint. */
async function post(
  path: 'activate' | 'deactivate' | 'validate',
  body: unknown,
  options: { address?: string; idempotencyKey?: string } = {},
) {
  const response = await dispatch(
    new Request(`http://test/api/licenses/${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-forwarded-for': options.address ?? '203.0.113.1',
        ...(options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : {}),
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? JSON.parse(text) : null,
  };
}

async function licenseKey(
  overrides: { activationsLimit?: number | null; disabled?: boolean; expiresAt?: Date | null } = {},
) {
  return db.licenseKey.create({
    data: {
      id: newId('lic'),
      businessId: acme.business.id,
      key: `ACME-${newId('lic')}`,
      customerId: acme.customer.id,
      productId: acme.product.id,
      activationsLimit: 5,
      source: 'import',
      ...overrides,
    },
  });
}

async function counts(licenseKeyId: string) {
  const [row, instances] = await Promise.all([
    db.licenseKey.findUniqueOrThrow({ where: { id: licenseKeyId } }),
    db.licenseKeyInstance.count({ where: { licenseKeyId } }),
  ]);
  return { instancesCount: row.instancesCount, instances };
}

describe('POST /api/licenses/activate', () => {
  it('activates a key: 201 with the instance, its customer and product', async () => {
    const key = await licenseKey();
    const res = await post('activate', { license_key: ` ${key.key} `, name: '  Studio Mac  ' });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-request-id')).toMatch(/^req_/);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^lki_/),
      business_id: acme.business.id,
      license_key_id: key.id,
      name: 'Studio Mac',
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
      customer: {
        customer_id: acme.customer.id,
        name: acme.customer.name,
        email: acme.customer.email,
      },
      product: { product_id: acme.product.id, name: acme.product.name },
    });
    expect(await counts(key.id)).toEqual({ instancesCount: 1, instances: 1 });
  });

  it('refuses unknown (404), disabled and expired (403) keys and a full one (422)', async () => {
    const disabled = await licenseKey({ disabled: true });
    const expired = await licenseKey({ expiresAt: new Date(Date.now() - 1000) });
    const full = await licenseKey({ activationsLimit: 1 });
    expect((await post('activate', { license_key: full.key, name: 'one' })).status).toBe(201);

    const cases = [
      ['NO-SUCH-KEY-123', 404, 'LICENSE_KEY_NOT_FOUND'],
      [disabled.key, 403, 'INACTIVE_LICENSE_KEY'],
      [expired.key, 403, 'INACTIVE_LICENSE_KEY'],
      [full.key, 422, 'LICENSE_KEY_LIMIT_REACHED'],
    ] as const;
    for (const [license_key, status, code] of cases) {
      const res = await post('activate', { license_key, name: 'two' });
      expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
      expect(res.headers.get('x-should-retry')).toBe('false');
    }
    expect(await counts(full.id)).toEqual({ instancesCount: 1, instances: 1 });
    expect(await counts(disabled.id)).toEqual({ instancesCount: 0, instances: 0 });
  });

  it('refuses malformed bodies with 400 or 422 naming the field', async () => {
    const key = await licenseKey();
    const cases: [unknown, number, string, string?][] = [
      ['{not json', 400, 'INVALID_JSON'],
      [{ license_key: key.key }, 422, 'INVALID_REQUEST_BODY', 'name'],
      [{ license_key: key.key, name: '   ' }, 422, 'INVALID_REQUEST_BODY', 'name'],
      [{ license_key: key.key, name: 'tab\there' }, 422, 'INVALID_REQUEST_BODY', 'name'],
      [{ license_key: key.key, name: 'x'.repeat(256) }, 422, 'INVALID_REQUEST_BODY', 'name'],
      [{ license_key: 'K'.repeat(256), name: 'x' }, 422, 'INVALID_REQUEST_BODY', 'license_key'],
      [{ license_key: 42, name: 'x' }, 422, 'INVALID_REQUEST_BODY', 'license_key'],
    ];
    for (const [body, status, code, field] of cases) {
      const res = await post('activate', body);
      expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
      if (field) expect(Object.keys(res.body.errors)).toEqual([field]);
    }
    expect(await counts(key.id)).toEqual({ instancesCount: 0, instances: 0 });
  });

  it('50 simultaneous activations at limit 5: exactly five 201s', async () => {
    const key = await licenseKey({ activationsLimit: 5 });
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        post('activate', { license_key: key.key, name: `machine-${i}` }),
      ),
    );
    const statuses = answers.map((res) => res.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(5);
    expect(
      answers.filter((res) => res.status === 422 && res.body.code === 'LICENSE_KEY_LIMIT_REACHED'),
    ).toHaveLength(45);
    expect(await counts(key.id)).toEqual({ instancesCount: 5, instances: 5 });
  });

  it('replays an Idempotency-Key with the same body, refuses it with another', async () => {
    const key = await licenseKey();
    const body = { license_key: key.key, name: 'build-agent' };
    const first = await post('activate', body, { idempotencyKey: 'act-1' });
    const again = await post('activate', body, { idempotencyKey: 'act-1' });
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    expect(await counts(key.id)).toEqual({ instancesCount: 1, instances: 1 });

    const other = await post('activate', { ...body, name: 'other' }, { idempotencyKey: 'act-1' });
    expect({ status: other.status, code: other.body.code }).toEqual({
      status: 422,
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
    expect(await counts(key.id)).toEqual({ instancesCount: 1, instances: 1 });
  });
});

describe('POST /api/licenses/deactivate', () => {
  it('frees the seat (200 {}), then the same instance is 404', async () => {
    const key = await licenseKey();
    const { body: instance } = await post('activate', { license_key: key.key, name: 'laptop' });
    const body = { license_key: key.key, license_key_instance_id: instance.id };
    const res = await post('deactivate', body);
    expect({ status: res.status, body: res.body }).toEqual({ status: 200, body: {} });
    expect(await counts(key.id)).toEqual({ instancesCount: 0, instances: 0 });

    const again = await post('deactivate', body);
    expect({ status: again.status, code: again.body.code }).toEqual({
      status: 404,
      code: 'LICENSE_KEY_INSTANCE_NOT_FOUND',
    });
    expect(await counts(key.id)).toEqual({ instancesCount: 0, instances: 0 });
  });

  it('refuses an unknown key and an instance of another key with 404', async () => {
    const key = await licenseKey();
    const other = await licenseKey();
    const { body: instance } = await post('activate', { license_key: other.key, name: 'desk' });

    const unknown = await post('deactivate', {
      license_key: 'NO-SUCH-KEY-123',
      license_key_instance_id: instance.id,
    });
    expect({ status: unknown.status, code: unknown.body.code }).toEqual({
      status: 404,
      code: 'LICENSE_KEY_NOT_FOUND',
    });
    const foreign = await post('deactivate', {
      license_key: key.key,
      license_key_instance_id: instance.id,
    });
    expect({ status: foreign.status, code: foreign.body.code }).toEqual({
      status: 404,
      code: 'LICENSE_KEY_INSTANCE_NOT_FOUND',
    });
    expect(await counts(other.id)).toEqual({ instancesCount: 1, instances: 1 });
  });

  it('lets a disabled key release its instances', async () => {
    const key = await licenseKey();
    const { body: instance } = await post('activate', { license_key: key.key, name: 'old pc' });
    await db.licenseKey.update({ where: { id: key.id }, data: { disabled: true } });
    const res = await post('deactivate', {
      license_key: key.key,
      license_key_instance_id: instance.id,
    });
    expect(res.status).toBe(200);
    expect(await counts(key.id)).toEqual({ instancesCount: 0, instances: 0 });
  });

  it('replays a deactivation under the same Idempotency-Key instead of answering 404', async () => {
    const key = await licenseKey();
    const { body: instance } = await post('activate', { license_key: key.key, name: 'vm' });
    const body = { license_key: key.key, license_key_instance_id: instance.id };
    const first = await post('deactivate', body, { idempotencyKey: 'deact-1' });
    const again = await post('deactivate', body, { idempotencyKey: 'deact-1' });
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  });

  it('simultaneous activations and deactivations keep instances_count equal to the live instances', async () => {
    const key = await licenseKey({ activationsLimit: 10 });
    const first = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        post('activate', { license_key: key.key, name: `a-${i}` }),
      ),
    );
    const ids: string[] = first.map((res) => res.body.id);
    expect(first.every((res) => res.status === 201)).toBe(true);
    const answers = await Promise.all([
      ...ids.map((id) => post('deactivate', { license_key: key.key, license_key_instance_id: id })),
      ...Array.from({ length: 30 }, (_, i) =>
        post('activate', { license_key: key.key, name: `b-${i}` }),
      ),
      // Deactivating an instance twice frees one seat, not two.
      ...ids
        .slice(0, 5)
        .map((id) => post('deactivate', { license_key: key.key, license_key_instance_id: id })),
    ]);
    expect(answers.every((res) => [200, 201, 404, 422].includes(res.status))).toBe(true);
    expect(answers.filter((res) => res.status === 200)).toHaveLength(10);
    const { instancesCount, instances } = await counts(key.id);
    expect(instancesCount).toBe(instances);
    expect(instancesCount).toBe(answers.filter((res) => res.status === 201).length);
    expect(instancesCount).toBeLessThanOrEqual(10);
  });
});

describe('POST /api/licenses/validate', () => {
  it('answers 200 with valid and a reason for every key, known or not', async () => {
    const key = await licenseKey();
    const other = await licenseKey();
    const disabled = await licenseKey({ disabled: true });
    const expired = await licenseKey({ expiresAt: new Date(Date.now() - 1000) });
    const { body: instance } = await post('activate', { license_key: key.key, name: 'pc' });
    const { body: otherInstance } = await post('activate', { license_key: other.key, name: 'pc' });

    const cases = [
      [{ license_key: key.key }, true, 'VALID'],
      [{ license_key: key.key, license_key_instance_id: null }, true, 'VALID'],
      [{ license_key: key.key, license_key_instance_id: instance.id }, true, 'VALID'],
      [
        { license_key: key.key, license_key_instance_id: otherInstance.id },
        false,
        'LICENSE_KEY_INSTANCE_NOT_FOUND',
      ],
      [{ license_key: 'NO-SUCH-KEY-123' }, false, 'LICENSE_KEY_NOT_FOUND'],
      [{ license_key: disabled.key }, false, 'LICENSE_KEY_DISABLED'],
      [{ license_key: expired.key }, false, 'LICENSE_KEY_EXPIRED'],
    ] as const;
    for (const [body, valid, code] of cases) {
      const res = await post('validate', body);
      expect({ status: res.status, body: res.body }).toEqual({
        status: 200,
        body: { valid, code },
      });
    }
    const bad = await post('validate', { license_key_instance_id: instance.id });
    expect({ status: bad.status, code: bad.body.code }).toEqual({
      status: 422,
      code: 'INVALID_REQUEST_BODY',
    });
  });
});

describe('rate limits', () => {
  it('per license key: the next request is 429 with Retry-After, from any address', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-03-04T05:06:01.000Z'));
    process.env.KEYDESK_RATE_LIMIT_PER_LICENSE_KEY = '3';
    const key = await licenseKey();
    const otherKey = await licenseKey();
    for (let i = 0; i < 3; i += 1) {
      const res = await post('validate', { license_key: key.key }, { address: `198.51.100.${i}` });
      expect(res.status).toBe(200);
    }
    const limited = await post(
      'activate',
      { license_key: key.key, name: 'one too many' },
      { address: '198.51.100.99', idempotencyKey: 'limited-1' },
    );
    expect({ status: limited.status, code: limited.body.code }).toEqual({
      status: 429,
      code: 'RATE_LIMIT_EXCEEDED',
    });
    expect(limited.headers.get('retry-after')).toBe('59');
    expect(await counts(key.id)).toEqual({ instancesCount: 0, instances: 0 });
    expect((await post('validate', { license_key: otherKey.key })).status).toBe(200);

    // The bucket is named by the key's hash: the raw key is stored nowhere.
    const buckets = await db.rateLimitBucket.findMany({ select: { key: true } });
    const digest = createHash('sha256').update(key.key).digest('hex');
    expect(buckets.map((bucket) => bucket.key)).toContain(`licenses:key:${digest}`);
    expect(buckets.some((bucket) => bucket.key.includes(key.key))).toBe(false);

    // A 429 is not kept under the Idempotency-Key: the retry in the next minute goes through.
    vi.setSystemTime(new Date('2031-03-04T05:07:00.000Z'));
    const retried = await post(
      'activate',
      { license_key: key.key, name: 'one too many' },
      { address: '198.51.100.99', idempotencyKey: 'limited-1' },
    );
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
  });

  it('per address (the last X-Forwarded-For entry): counted across the three endpoints', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-03-04T06:00:30.000Z'));
    process.env.KEYDESK_RATE_LIMIT_PER_ADDRESS = '2';
    const key = await licenseKey();
    const address = '192.0.2.7';
    expect((await post('validate', { license_key: key.key }, { address })).status).toBe(200);
    const activated = await post('activate', { license_key: key.key, name: 'x' }, { address });
    expect(activated.status).toBe(201);
    const limited = await post(
      'deactivate',
      { license_key: key.key, license_key_instance_id: activated.body.id },
      { address: `10.0.0.1, ${address}` },
    );
    expect({ status: limited.status, code: limited.body.code }).toEqual({
      status: 429,
      code: 'RATE_LIMIT_EXCEEDED',
    });
    expect(limited.headers.get('retry-after')).toBe('30');
    expect(await counts(key.id)).toEqual({ instancesCount: 1, instances: 1 });
    expect(
      (await post('validate', { license_key: key.key }, { address: '192.0.2.8' })).status,
    ).toBe(200);
  });
});

describe('the dodopayments SDK against these endpoints', () => {
  const client = new DodoPayments({
    bearerToken: 'not-needed-for-public-endpoints',
    baseURL: 'http://test/api',
    maxRetries: 0,
    fetch: (input, init) => dispatch(new Request(input, init)),
  });

  it('activates, validates and deactivates; refusals are typed errors', async () => {
    const key = await licenseKey({ activationsLimit: 1 });
    const instance = await client.licenses.activate({ license_key: key.key, name: 'sdk' });
    expect(instance).toMatchObject({ license_key_id: key.id, name: 'sdk' });
    expect(instance.customer.email).toBe(acme.customer.email);
    expect(instance.product.product_id).toBe(acme.product.id);

    await expect(
      client.licenses.activate({ license_key: key.key, name: 'second' }),
    ).rejects.toBeInstanceOf(UnprocessableEntityError);
    await expect(
      client.licenses.validate({ license_key: key.key, license_key_instance_id: instance.id }),
    ).resolves.toEqual({ valid: true, code: 'VALID' });

    await client.licenses.deactivate({
      license_key: key.key,
      license_key_instance_id: instance.id,
    });
    expect(await counts(key.id)).toEqual({ instancesCount: 0, instances: 0 });

    const error = await client.licenses
      .deactivate({ license_key: key.key, license_key_instance_id: instance.id })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).error).toMatchObject({
      code: 'LICENSE_KEY_INSTANCE_NOT_FOUND',
    });
    await expect(client.licenses.validate({ license_key: 'NO-SUCH-KEY-123' })).resolves.toEqual({
      valid: false,
      code: 'LICENSE_KEY_NOT_FOUND',
    });
  });
});
