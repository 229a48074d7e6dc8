import DodoPayments from 'dodopayments';
import { DEMO_BUSINESS_ID, GLOBEX_BUSINESS_ID } from '../../lib/auth/demo-business';
import { expect, test, type Scenario } from '../fixtures';
import {
  apiKeyHash,
  createApiKeyWithCli,
  exchanges,
  expectApiError,
  publicSdk,
  sdk,
  target,
  uniqueKey,
} from './sdk-fixtures';

// The official `dodopayments` SDK, unchanged, against the running Keydesk: every license-related
// method, the errors it raises, and one business's API key against another's data. The server,
// its database and the SDK are real; the database is read through the `db` fixture to check.

const {
  AuthenticationError,
  ConflictError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} = DodoPayments;

let origin = '';
let acme: DodoPayments;
let acmeReadOnly: DodoPayments;
let globex: DodoPayments;
let software: DodoPayments;
let toRevoke = '';

test.beforeAll(async ({}, testInfo) => {
  const { origin: base, root } = target(testInfo);
  origin = base;
  const [write, readOnly, globexKey, spare] = await Promise.all([
    createApiKeyWithCli(root, 'Acme Software'),
    createApiKeyWithCli(root, 'Acme Software', { readOnly: true }),
    createApiKeyWithCli(root, 'Globex Corporation'),
    createApiKeyWithCli(root, 'Acme Software'),
  ]);
  acme = sdk(origin, write);
  acmeReadOnly = sdk(origin, readOnly);
  globex = sdk(origin, globexKey);
  software = publicSdk(origin);
  toRevoke = spare;
});

test.afterAll(() => {
  // Every answer to every call this worker made, errors included, carried a request id.
  expect(exchanges.length).toBeGreaterThan(0);
  const without = exchanges.filter(
    (e) => !/^req_[\w-]+$/.test(e.headers.get('x-request-id') ?? ''),
  );
  expect(without.map((e) => `${e.method} ${e.url.pathname} ${e.status}`)).toEqual([]);
});

/** Imports a key for the scenario's customer and product through the SDK. */
function importKey(
  scenario: Scenario,
  label: string,
  terms: { activations_limit?: number | null; expires_at?: string | null } = {},
) {
  return acme.licenseKeys.create({
    key: uniqueKey(label),
    customer_id: scenario.customer.id,
    product_id: scenario.product.id,
    ...terms,
  });
}

/** Every item of a list, walked with the SDK's auto-pagination. */
async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

const ids = (items: { id: string }[]) => items.map((item) => item.id).sort();

test.describe('license keys', () => {
  test('create imports a key; retrieve answers the same key', async ({ scenario, db }) => {
    const key = uniqueKey('CREATE');
    const expiresAt = '2031-01-02T03:04:05.000Z';
    const { data, response } = await acme.licenseKeys
      .create({
        key,
        customer_id: scenario.customer.id,
        product_id: scenario.product.id,
        activations_limit: 3,
        expires_at: expiresAt,
      })
      .withResponse();
    expect(response.status).toBe(201);
    expect(response.headers.get('x-request-id')).toMatch(/^req_/);
    expect(data).toEqual({
      id: expect.stringMatching(/^lic_/),
      business_id: DEMO_BUSINESS_ID,
      brand_id: DEMO_BUSINESS_ID,
      key,
      status: 'active',
      source: 'import',
      customer_id: scenario.customer.id,
      product_id: scenario.product.id,
      instances_count: 0,
      activations_limit: 3,
      expires_at: expiresAt,
      created_at: expect.any(String),
      payment_id: null,
      subscription_id: null,
    });
    expect(Math.abs(Date.parse(data.created_at) - Date.now())).toBeLessThan(60_000);
    expect(await acme.licenseKeys.retrieve(data.id)).toEqual(data);
    const row = await db.licenseKey.findUniqueOrThrow({ where: { id: data.id } });
    expect(row).toMatchObject({
      key,
      businessId: DEMO_BUSINESS_ID,
      source: 'import',
      activationsLimit: 3,
    });
    expect(row.expiresAt?.toISOString()).toBe(expiresAt);

    // Without terms: unlimited and never expiring.
    const plain = await importKey(scenario, 'PLAIN');
    expect(plain).toMatchObject({ activations_limit: null, expires_at: null, status: 'active' });
  });

  test('list filters by customer, product, status, source and creation time', async ({
    scenario,
    db,
  }) => {
    const active = await importKey(scenario, 'ACTIVE');
    const disabled = await importKey(scenario, 'DISABLED');
    await acme.licenseKeys.update(disabled.id, { disabled: true });
    const expired = await importKey(scenario, 'EXPIRED', { expires_at: '2020-01-01T00:00:00Z' });
    const other = await acme.customers.create({
      name: `Other ${scenario.token}`,
      email: `other.${scenario.token}@e2e.example`,
    });
    const othersKey = await acme.licenseKeys.create({
      key: uniqueKey('OTHER'),
      customer_id: other.customer_id,
      product_id: scenario.product.id,
    });
    // A key issued in the dashboard is `manual`: seeded as the dashboard stores it.
    const manual = await db.licenseKey.create({
      data: {
        id: `lic_manual${scenario.token}`,
        businessId: DEMO_BUSINESS_ID,
        key: uniqueKey('MANUAL'),
        customerId: scenario.customer.id,
        productId: scenario.product.id,
        source: 'manual',
      },
    });

    const list = (query: DodoPayments.LicenseKeyListParams) =>
      collect(acme.licenseKeys.list({ page_number: 0, page_size: 100, ...query }));
    const customer_id = scenario.customer.id;
    expect(ids(await list({ customer_id }))).toEqual(ids([active, disabled, expired, manual]));
    expect(ids(await list({ product_id: scenario.product.id }))).toEqual(
      ids([active, disabled, expired, othersKey, manual]),
    );
    expect(ids(await list({ customer_id, status: 'active' }))).toEqual(ids([active, manual]));
    expect(ids(await list({ customer_id, status: 'disabled' }))).toEqual([disabled.id]);
    expect(ids(await list({ customer_id, status: 'expired' }))).toEqual([expired.id]);
    expect(ids(await list({ customer_id, source: 'import' }))).toEqual(
      ids([active, disabled, expired]),
    );
    expect(ids(await list({ customer_id, source: 'manual' }))).toEqual([manual.id]);
    expect(await list({ customer_id, source: 'auto' })).toEqual([]);

    // Creation time, both bounds inclusive, on the times the API itself answered.
    const [first, second, third] = [active, disabled, expired];
    const times = [first, second, third].map((key) => key.created_at);
    expect(new Set(times).size).toBe(3);
    expect(
      ids(await list({ customer_id, source: 'import', created_at_gte: second.created_at })),
    ).toEqual(ids([second, third]));
    expect(
      ids(await list({ customer_id, source: 'import', created_at_lte: second.created_at })),
    ).toEqual(ids([first, second]));
    expect(
      ids(
        await list({
          customer_id,
          source: 'import',
          created_at_gte: second.created_at,
          created_at_lte: second.created_at,
        }),
      ),
    ).toEqual([second.id]);
  });

  test('auto-pagination, page_size 2 over 7 keys: from page_number 0 every key exactly once', async ({
    scenario,
  }) => {
    const created: string[] = [];
    for (let i = 0; i < 7; i++) created.push((await importKey(scenario, `PAGE${i}`)).id);
    const customer_id = scenario.customer.id;

    const walked = await collect(
      acme.licenseKeys.list({ customer_id, page_size: 2, page_number: 0 }),
    );
    expect(walked).toHaveLength(7);
    expect(ids(walked)).toEqual([...created].sort());
    // Newest first.
    expect(walked.map((key) => key.id)).toEqual([...created].reverse());

    // The SDK computes the next page as (page_number ?? 1) + 1: started without page_number it asks
    // for the default page (0), then page 2, skipping page 1. Keydesk numbers pages from 0, as Dodo does.
    const before = exchanges.length;
    const fromDefault = await collect(acme.licenseKeys.list({ customer_id, page_size: 2 }));
    const pages = exchanges.slice(before).map((e) => e.url.searchParams.get('page_number'));
    expect(pages).toEqual([null, '2', '3', '4']);
    const pageOne = (await acme.licenseKeys.list({ customer_id, page_size: 2, page_number: 1 }))
      .items;
    expect(pageOne).toHaveLength(2);
    expect(ids(fromDefault)).toEqual(
      created.filter((id) => !pageOne.some((key) => key.id === id)).sort(),
    );
  });

  test('update sets and clears the limit, disabled and expires_at; never below the activations in use', async ({
    scenario,
    db,
  }) => {
    const key = await importKey(scenario, 'UPDATE', { activations_limit: 5 });
    for (const name of ['one', 'two', 'three'])
      await software.licenses.activate({ license_key: key.key, name });
    expect((await acme.licenseKeys.retrieve(key.id)).instances_count).toBe(3);

    expect(await acme.licenseKeys.update(key.id, { activations_limit: 3 })).toMatchObject({
      activations_limit: 3,
      instances_count: 3,
    });
    const refused = await expectApiError(
      acme.licenseKeys.update(key.id, { activations_limit: 2 }),
      UnprocessableEntityError,
      422,
      'ACTIVATION_LIMIT_LESS_THAN_CURRENT_AMOUNT',
    );
    expect(refused.headers.get('x-should-retry')).toBe('false');
    expect(
      (await db.licenseKey.findUniqueOrThrow({ where: { id: key.id } })).activationsLimit,
    ).toBe(3);
    expect(await acme.licenseKeys.update(key.id, { activations_limit: null })).toMatchObject({
      activations_limit: null,
    });

    expect(await acme.licenseKeys.update(key.id, { disabled: true })).toMatchObject({
      status: 'disabled',
    });
    expect(await software.licenses.validate({ license_key: key.key })).toEqual({
      valid: false,
      code: 'LICENSE_KEY_DISABLED',
    });
    expect(await acme.licenseKeys.update(key.id, { disabled: false })).toMatchObject({
      status: 'active',
    });

    const later = '2032-05-06T07:08:09.000Z';
    expect(await acme.licenseKeys.update(key.id, { expires_at: later })).toMatchObject({
      expires_at: later,
      status: 'active',
    });
    expect(
      await acme.licenseKeys.update(key.id, { expires_at: '2021-01-01T00:00:00Z' }),
    ).toMatchObject({ status: 'expired' });
    expect(await acme.licenseKeys.update(key.id, { expires_at: null })).toMatchObject({
      expires_at: null,
      status: 'active',
    });

    // Omitted fields, and `disabled: null` (the SDK's type allows it), leave the key as it is.
    const current = await acme.licenseKeys.retrieve(key.id);
    expect(await acme.licenseKeys.update(key.id, {})).toEqual(current);
    expect(await acme.licenseKeys.update(key.id, { disabled: null })).toEqual(current);
    expect(await db.licenseKey.findUniqueOrThrow({ where: { id: key.id } })).toMatchObject({
      activationsLimit: null,
      disabled: false,
      expiresAt: null,
      instancesCount: 3,
    });
  });
});

test.describe('licenses and license key instances', () => {
  test('activate, validate, list, retrieve, rename and deactivate', async ({ scenario, db }) => {
    const key = await importKey(scenario, 'SEATS', { activations_limit: 2 });
    const laptop = await software.licenses.activate({ license_key: key.key, name: 'laptop' });
    expect(laptop).toEqual({
      id: expect.stringMatching(/^lki_/),
      business_id: DEMO_BUSINESS_ID,
      license_key_id: key.id,
      name: 'laptop',
      created_at: expect.any(String),
      customer: {
        customer_id: scenario.customer.id,
        name: scenario.customer.name,
        email: scenario.customer.email,
      },
      product: { product_id: scenario.product.id, name: scenario.product.name },
    });
    expect((await acme.licenseKeys.retrieve(key.id)).instances_count).toBe(1);
    const desktop = await software.licenses.activate({ license_key: key.key, name: 'desktop' });
    expect((await acme.licenseKeys.retrieve(key.id)).instances_count).toBe(2);
    await expectApiError(
      software.licenses.activate({ license_key: key.key, name: 'third' }),
      UnprocessableEntityError,
      422,
      'LICENSE_KEY_LIMIT_REACHED',
    );

    expect(await software.licenses.validate({ license_key: key.key })).toEqual({
      valid: true,
      code: 'VALID',
    });
    expect(
      await software.licenses.validate({
        license_key: key.key,
        license_key_instance_id: laptop.id,
      }),
    ).toMatchObject({ valid: true });
    expect(
      await software.licenses.validate({
        license_key: key.key,
        license_key_instance_id: 'lki_unknown',
      }),
    ).toEqual({ valid: false, code: 'LICENSE_KEY_INSTANCE_NOT_FOUND' });
    expect(await software.licenses.validate({ license_key: uniqueKey('NOPE') })).toEqual({
      valid: false,
      code: 'LICENSE_KEY_NOT_FOUND',
    });

    const otherKey = await importKey(scenario, 'OTHER-SEATS');
    await software.licenses.activate({ license_key: otherKey.key, name: 'elsewhere' });
    const listed = await collect(
      acme.licenseKeyInstances.list({ license_key_id: key.id, page_number: 0 }),
    );
    expect(ids(listed)).toEqual(ids([laptop, desktop]));
    const instance = await acme.licenseKeyInstances.retrieve(laptop.id);
    expect(instance).toEqual({
      id: laptop.id,
      business_id: DEMO_BUSINESS_ID,
      license_key_id: key.id,
      name: 'laptop',
      created_at: laptop.created_at,
    });
    expect(await acme.licenseKeyInstances.update(laptop.id, { name: 'work laptop' })).toEqual({
      ...instance,
      name: 'work laptop',
    });
    expect((await db.licenseKeyInstance.findUniqueOrThrow({ where: { id: laptop.id } })).name).toBe(
      'work laptop',
    );

    const deactivated = await software.licenses
      .deactivate({ license_key: key.key, license_key_instance_id: laptop.id })
      .asResponse();
    expect(deactivated.status).toBe(200);
    expect((await acme.licenseKeys.retrieve(key.id)).instances_count).toBe(1);
    expect(await db.licenseKeyInstance.count({ where: { licenseKeyId: key.id } })).toBe(1);
    await expectApiError(
      software.licenses.deactivate({ license_key: key.key, license_key_instance_id: laptop.id }),
      NotFoundError,
      404,
      'LICENSE_KEY_INSTANCE_NOT_FOUND',
    );
    expect(
      await software.licenses.validate({
        license_key: key.key,
        license_key_instance_id: laptop.id,
      }),
    ).toMatchObject({ valid: false });
    // The freed seat can be taken again.
    await software.licenses.activate({ license_key: key.key, name: 'new laptop' });
    expect((await acme.licenseKeys.retrieve(key.id)).instances_count).toBe(2);
  });

  test('activation refusals: unknown key 404, disabled or expired key 403', async ({
    scenario,
  }) => {
    await expectApiError(
      software.licenses.activate({ license_key: uniqueKey('UNKNOWN'), name: 'x' }),
      NotFoundError,
      404,
      'LICENSE_KEY_NOT_FOUND',
    );
    const disabled = await importKey(scenario, 'OFF');
    await acme.licenseKeys.update(disabled.id, { disabled: true });
    await expectApiError(
      software.licenses.activate({ license_key: disabled.key, name: 'x' }),
      PermissionDeniedError,
      403,
      'INACTIVE_LICENSE_KEY',
    );
    const expired = await importKey(scenario, 'OLD', { expires_at: '2020-01-01T00:00:00Z' });
    await expectApiError(
      software.licenses.activate({ license_key: expired.key, name: 'x' }),
      PermissionDeniedError,
      403,
      'INACTIVE_LICENSE_KEY',
    );
    expect(await software.licenses.validate({ license_key: expired.key })).toEqual({
      valid: false,
      code: 'LICENSE_KEY_EXPIRED',
    });
  });

  test('more than 60 validations of one key within a minute: RateLimitError with Retry-After', async ({
    scenario,
  }) => {
    const key = await importKey(scenario, 'BUSY');
    // The limit counts per clock minute: start early in one, so that all 61 calls fall in it.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 40_000)
      await new Promise((resolve) => setTimeout(resolve, 60_500 - intoMinute));
    for (let i = 0; i < 60; i++) {
      expect(await software.licenses.validate({ license_key: key.key })).toMatchObject({
        valid: true,
      });
    }
    const limited = await expectApiError(
      software.licenses.validate({ license_key: key.key }),
      RateLimitError,
      429,
      'RATE_LIMIT_EXCEEDED',
    );
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });
});

test.describe('customers and products', () => {
  test('customers.create, retrieve and list by email and name', async ({ scenario, db }) => {
    const email = `Ada.${scenario.token}@E2E.example`;
    const { data: created, response } = await acme.customers
      .create({ name: `Ada Lovelace ${scenario.token}`, email })
      .withResponse();
    expect(response.status).toBe(201);
    expect(created).toMatchObject({
      customer_id: expect.stringMatching(/^cus_/),
      business_id: DEMO_BUSINESS_ID,
      name: `Ada Lovelace ${scenario.token}`,
      email,
      phone_number: null,
    });
    expect(
      await db.customer.count({ where: { id: created.customer_id, businessId: DEMO_BUSINESS_ID } }),
    ).toBe(1);
    // Find or create: the same address in other letters is the same customer.
    const again = await acme.customers
      .create({ name: 'Someone Else', email: email.toLowerCase() })
      .withResponse();
    expect(again.response.status).toBe(200);
    expect(again.data).toEqual(created);

    expect(await acme.customers.retrieve(created.customer_id)).toEqual(created);
    const byEmail = await collect(
      acme.customers.list({ email: email.toUpperCase(), page_number: 0 }),
    );
    expect(byEmail.map((c) => c.customer_id)).toEqual([created.customer_id]);
    const byName = await collect(
      acme.customers.list({ name: `lovelace ${scenario.token}`, page_number: 0 }),
    );
    expect(byName.map((c) => c.customer_id)).toEqual([created.customer_id]);
    expect(
      await collect(
        acme.customers.list({ email: `nobody.${scenario.token}@e2e.example`, page_number: 0 }),
      ),
    ).toEqual([]);
  });

  test('products.list and retrieve', async ({ scenario }) => {
    const product = await acme.products.retrieve(scenario.product.id);
    expect(product).toMatchObject({
      product_id: scenario.product.id,
      business_id: DEMO_BUSINESS_ID,
      name: scenario.product.name,
      license_key_enabled: true,
      license_key_activations_limit: 4,
      license_key_duration: { count: 1, interval: 'Year' },
    });
    const all = await collect(acme.products.list({ page_number: 0, page_size: 3 }));
    expect(all.filter((p) => p.product_id === scenario.product.id)).toHaveLength(1);
    expect(all.every((p) => p.business_id === DEMO_BUSINESS_ID)).toBe(true);
    expect(new Set(all.map((p) => p.product_id)).size).toBe(all.length);
  });
});

test.describe('errors as the SDK raises them', () => {
  test('401 AuthenticationError: no key, a wrong key, a revoked key', async ({ db }) => {
    await expectApiError(
      acme.licenseKeys.list({}, { headers: { Authorization: null } }),
      AuthenticationError,
      401,
      'UNAUTHORIZED',
    );
    await expectApiError(
      sdk(origin, 'kd_live_not-a-real-key').licenseKeys.list(),
      AuthenticationError,
      401,
      'UNAUTHORIZED',
    );
    const revoked = sdk(origin, toRevoke);
    await revoked.products.list();
    await db.apiKey.update({
      where: { secretHash: apiKeyHash(toRevoke) },
      data: { revokedAt: new Date() },
    });
    await expectApiError(revoked.products.list(), AuthenticationError, 401, 'UNAUTHORIZED');
  });

  test('403 PermissionDeniedError: a read-only key may read, not write', async ({
    scenario,
    db,
  }) => {
    const key = await importKey(scenario, 'READ');
    expect(await acmeReadOnly.licenseKeys.retrieve(key.id)).toMatchObject({ id: key.id });
    const body = {
      key: uniqueKey('RO'),
      customer_id: scenario.customer.id,
      product_id: scenario.product.id,
    };
    await expectApiError(
      acmeReadOnly.licenseKeys.create(body),
      PermissionDeniedError,
      403,
      'FORBIDDEN',
    );
    await expectApiError(
      acmeReadOnly.licenseKeys.update(key.id, { disabled: true }),
      PermissionDeniedError,
      403,
    );
    await expectApiError(
      acmeReadOnly.customers.create({ name: 'No', email: `no.${scenario.token}@e2e.example` }),
      PermissionDeniedError,
      403,
    );
    expect(await db.licenseKey.count({ where: { key: body.key } })).toBe(0);
    expect((await db.licenseKey.findUniqueOrThrow({ where: { id: key.id } })).disabled).toBe(false);
  });

  test('404 NotFoundError for unknown ids; 409 ConflictError for a taken key; 422 for a bad body', async ({
    scenario,
    db,
  }) => {
    await expectApiError(
      acme.licenseKeys.retrieve('lic_unknown'),
      NotFoundError,
      404,
      'LICENSE_KEY_NOT_FOUND',
    );
    await expectApiError(
      acme.licenseKeys.update('lic_unknown', { disabled: true }),
      NotFoundError,
      404,
      'LICENSE_KEY_NOT_FOUND',
    );
    await expectApiError(acme.licenseKeyInstances.retrieve('lki_unknown'), NotFoundError, 404);
    await expectApiError(
      acme.licenseKeyInstances.update('lki_unknown', { name: 'x' }),
      NotFoundError,
      404,
    );
    await expectApiError(
      acme.customers.retrieve('cus_unknown'),
      NotFoundError,
      404,
      'CUSTOMER_NOT_FOUND',
    );
    await expectApiError(
      acme.products.retrieve('pdt_unknown'),
      NotFoundError,
      404,
      'PRODUCT_NOT_FOUND',
    );
    await expectApiError(
      acme.licenseKeys.create({
        key: uniqueKey('NOCUS'),
        customer_id: 'cus_unknown',
        product_id: scenario.product.id,
      }),
      NotFoundError,
      404,
      'CUSTOMER_NOT_FOUND',
    );

    const key = await importKey(scenario, 'TWICE');
    await expectApiError(
      acme.licenseKeys.create({
        key: key.key,
        customer_id: scenario.customer.id,
        product_id: scenario.product.id,
      }),
      ConflictError,
      409,
      'LICENSE_KEY_ALREADY_EXISTS',
    );
    expect(await db.licenseKey.count({ where: { key: key.key } })).toBe(1);

    const bad = await expectApiError(
      acme.licenseKeys.create({
        key: 'short',
        customer_id: scenario.customer.id,
        product_id: scenario.product.id,
        activations_limit: -1,
      }),
      UnprocessableEntityError,
      422,
      'INVALID_REQUEST_BODY',
    );
    expect(Object.keys((bad.error as { errors: object }).errors).sort()).toEqual([
      'activations_limit',
      'key',
    ]);
    await expectApiError(
      acme.licenseKeys.update(key.id, { expires_at: 'tomorrow' }),
      UnprocessableEntityError,
      422,
    );
    await expectApiError(
      software.licenses.activate({ license_key: key.key, name: '' }),
      UnprocessableEntityError,
      422,
    );
  });
});

test.describe('one business cannot see or change another business’s data', () => {
  test('the Globex key gets 404 for Acme’s objects, and lists none of them', async ({
    scenario,
    db,
  }) => {
    const key = await importKey(scenario, 'ACME-ONLY', { activations_limit: 5 });
    const seat = await software.licenses.activate({ license_key: key.key, name: 'acme machine' });

    await expectApiError(globex.licenseKeys.retrieve(key.id), NotFoundError, 404);
    await expectApiError(
      globex.licenseKeys.update(key.id, { disabled: true, activations_limit: 1 }),
      NotFoundError,
      404,
    );
    await expectApiError(globex.licenseKeyInstances.retrieve(seat.id), NotFoundError, 404);
    await expectApiError(
      globex.licenseKeyInstances.update(seat.id, { name: 'taken' }),
      NotFoundError,
      404,
    );
    await expectApiError(globex.customers.retrieve(scenario.customer.id), NotFoundError, 404);
    await expectApiError(globex.products.retrieve(scenario.product.id), NotFoundError, 404);
    await expectApiError(
      globex.licenseKeys.create({
        key: uniqueKey('STEAL'),
        customer_id: scenario.customer.id,
        product_id: scenario.product.id,
      }),
      NotFoundError,
      404,
    );

    const globexKeys = await collect(globex.licenseKeys.list({ page_number: 0, page_size: 100 }));
    expect(globexKeys.length).toBeGreaterThan(0);
    expect(globexKeys.every((k) => k.business_id === GLOBEX_BUSINESS_ID)).toBe(true);
    expect(
      await collect(globex.licenseKeys.list({ customer_id: scenario.customer.id, page_number: 0 })),
    ).toEqual([]);
    expect(
      await collect(globex.licenseKeyInstances.list({ license_key_id: key.id, page_number: 0 })),
    ).toEqual([]);
    const globexCustomers = await collect(
      globex.customers.list({ page_number: 0, page_size: 100 }),
    );
    expect(globexCustomers.some((c) => c.customer_id === scenario.customer.id)).toBe(false);
    expect(globexCustomers.every((c) => c.business_id === GLOBEX_BUSINESS_ID)).toBe(true);
    const globexProducts = await collect(globex.products.list({ page_number: 0, page_size: 100 }));
    expect(globexProducts.every((p) => p.business_id === GLOBEX_BUSINESS_ID)).toBe(true);

    expect(await db.licenseKey.findUniqueOrThrow({ where: { id: key.id } })).toMatchObject({
      disabled: false,
      activationsLimit: 5,
    });
    expect((await db.licenseKeyInstance.findUniqueOrThrow({ where: { id: seat.id } })).name).toBe(
      'acme machine',
    );
  });
});

test.describe('Idempotency-Key through the SDK', () => {
  test('the same key and body replay the first answer; another body is refused with 422', async ({
    scenario,
    db,
  }) => {
    const body = {
      key: uniqueKey('IDEM'),
      customer_id: scenario.customer.id,
      product_id: scenario.product.id,
    };
    const headers = { 'Idempotency-Key': `e2e-${scenario.token}` };
    const first = await acme.licenseKeys.create(body, { headers }).withResponse();
    const replay = await acme.licenseKeys.create(body, { headers }).withResponse();
    expect(first.response.status).toBe(201);
    expect(first.response.headers.get('idempotent-replayed')).toBeNull();
    expect(replay.response.status).toBe(201);
    expect(replay.response.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.data).toEqual(first.data);
    expect(await db.licenseKey.count({ where: { key: body.key } })).toBe(1);

    await expectApiError(
      acme.licenseKeys.create({ ...body, activations_limit: 2 }, { headers }),
      UnprocessableEntityError,
      422,
      'IDEMPOTENCY_KEY_REUSED',
    );
    expect(await db.licenseKey.count({ where: { key: body.key } })).toBe(1);
  });

  test('the SDK’s own idempotencyKey option sends no header (DodoPayments sets no idempotency header)', async ({
    scenario,
    db,
  }) => {
    const body = {
      key: uniqueKey('OPT'),
      customer_id: scenario.customer.id,
      product_id: scenario.product.id,
    };
    const before = exchanges.length;
    await acme.licenseKeys.create(body, { idempotencyKey: `opt-${scenario.token}` });
    expect(exchanges[before].requestHeaders.get('idempotency-key')).toBeNull();
    // So a second call is a second request: the key string is taken.
    await expectApiError(
      acme.licenseKeys.create(body, { idempotencyKey: `opt-${scenario.token}` }),
      ConflictError,
      409,
    );
    expect(await db.licenseKey.count({ where: { key: body.key } })).toBe(1);
  });
});
