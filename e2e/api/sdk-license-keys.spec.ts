import DodoPayments from 'dodopayments';
import { DEMO_BUSINESS_ID } from '../../lib/auth/demo-business';
import { expect, test } from '../fixtures';
import {
  collect,
  createApiKeyWithCli,
  exchanges,
  expectApiError,
  expectEveryAnswerHadRequestId,
  ids,
  importKey,
  publicSdk,
  sdk,
  target,
  uniqueKey,
} from './sdk-fixtures';

// The official `dodopayments` SDK, unchanged, against the running Keydesk: the license key methods
// (create, retrieve, list with its filters and auto-pagination, update). The server, its database and
// the SDK are real; the database is read through the `db` fixture to check.

const { UnprocessableEntityError } = DodoPayments;

let acme: DodoPayments;
let software: DodoPayments;

test.beforeAll(async ({}, testInfo) => {
  const { origin, root } = target(testInfo);
  acme = sdk(origin, await createApiKeyWithCli(root, 'Acme Software'));
  software = publicSdk(origin);
});

test.afterAll(expectEveryAnswerHadRequestId);

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
    const plain = await importKey(acme, scenario, 'PLAIN');
    expect(plain).toMatchObject({ activations_limit: null, expires_at: null, status: 'active' });
  });

  test('list filters by customer, product, status, source and creation time', async ({
    scenario,
    db,
  }) => {
    const active = await importKey(acme, scenario, 'ACTIVE');
    const disabled = await importKey(acme, scenario, 'DISABLED');
    await acme.licenseKeys.update(disabled.id, { disabled: true });
    const expired = await importKey(acme, scenario, 'EXPIRED', {
      expires_at: '2020-01-01T00:00:00Z',
    });
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
    for (let i = 0; i < 7; i++) created.push((await importKey(acme, scenario, `PAGE${i}`)).id);
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

  test('a page of ten keys goes uncompressed, a page of a hundred gzipped; the SDK reads both', async ({
    request,
  }, testInfo) => {
    const { origin, root } = target(testInfo);
    const secret = await createApiKeyWithCli(root, 'Acme Software');
    const page = async (size: number) => {
      const response = await request.get(`${origin}/api/license_keys?page_size=${size}`, {
        headers: { authorization: `Bearer ${secret}`, 'accept-encoding': 'gzip, deflate' },
      });
      expect(response.status()).toBe(200);
      const text = await response.text();
      return { encoding: response.headers()['content-encoding'], bytes: text.length, text };
    };
    const small = await page(10);
    expect(JSON.parse(small.text).items).toHaveLength(10);
    expect(small.bytes).toBeLessThan(12 * 1024);
    expect(small.encoding).toBeUndefined();
    const large = await page(100);
    expect(large.bytes, 'the demo business holds more than 12 KB of keys').toBeGreaterThan(
      12 * 1024,
    );
    expect(large.encoding).toBe('gzip');
    expect(JSON.parse(large.text).items.length).toBeGreaterThan(10);
    // The SDK's fetch asks for gzip and reads either kind.
    const read = await acme.licenseKeys.list({ page_size: 100, page_number: 0 });
    expect(read.items.length).toBeGreaterThan(10);
    expect(read.items[0].key).toMatch(/\S/);
  });

  test('update sets and clears the limit, disabled and expires_at; never below the activations in use', async ({
    scenario,
    db,
  }) => {
    const key = await importKey(acme, scenario, 'UPDATE', { activations_limit: 5 });
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
