import DodoPayments from 'dodopayments';
import { GLOBEX_BUSINESS_ID } from '../../lib/auth/demo-business';
import { API_KEY_CACHE_MS } from '../../lib/api-keys/secret';
import { expect, test } from '../fixtures';
import {
  apiKeyHash,
  collect,
  createApiKeyWithCli,
  exchanges,
  expectApiError,
  expectEveryAnswerHadRequestId,
  importKey,
  publicSdk,
  sdk,
  target,
  uniqueKey,
} from './sdk-fixtures';

// The official `dodopayments` SDK, unchanged, against the running Keydesk: the errors it raises
// (authentication, a read-only key, unknown ids, conflicts, bad bodies), one business's API key
// against another's data, and the Idempotency-Key header. The server, its database and the SDK are
// real; the database is read through the `db` fixture to check.

const {
  AuthenticationError,
  ConflictError,
  NotFoundError,
  PermissionDeniedError,
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

test.afterAll(expectEveryAnswerHadRequestId);

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
    // Revoked straight in the database, as another process would: the server trusts what it read of
    // a key for API_KEY_CACHE_MS (README, "API keys"), and refuses it from then on.
    await db.apiKey.update({
      where: { secretHash: apiKeyHash(toRevoke) },
      data: { revokedAt: new Date() },
    });
    await new Promise((resolve) => setTimeout(resolve, API_KEY_CACHE_MS + 250));
    await expectApiError(revoked.products.list(), AuthenticationError, 401, 'UNAUTHORIZED');
  });

  test('403 PermissionDeniedError: a read-only key may read, not write', async ({
    scenario,
    db,
  }) => {
    const key = await importKey(acme, scenario, 'READ');
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

    const key = await importKey(acme, scenario, 'TWICE');
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
    const key = await importKey(acme, scenario, 'ACME-ONLY', { activations_limit: 5 });
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
