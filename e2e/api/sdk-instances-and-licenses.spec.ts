import DodoPayments from 'dodopayments';
import { DEMO_BUSINESS_ID } from '../../lib/auth/demo-business';
import { expect, test } from '../fixtures';
import {
  collect,
  createApiKeyWithCli,
  expectApiError,
  expectEveryAnswerHadRequestId,
  ids,
  importKey,
  publicSdk,
  sdk,
  target,
  uniqueKey,
} from './sdk-fixtures';

// The official `dodopayments` SDK, unchanged, against the running Keydesk: the public license
// endpoints as shipped software calls them (activate, validate, deactivate, their refusals and rate
// limit) and the license key instance methods. The server, its database and the SDK are real; the
// database is read through the `db` fixture to check.

const { NotFoundError, PermissionDeniedError, RateLimitError, UnprocessableEntityError } =
  DodoPayments;

let acme: DodoPayments;
let software: DodoPayments;

test.beforeAll(async ({}, testInfo) => {
  const { origin, root } = target(testInfo);
  acme = sdk(origin, await createApiKeyWithCli(root, 'Acme Software'));
  software = publicSdk(origin);
});

test.afterAll(expectEveryAnswerHadRequestId);

test.describe('licenses and license key instances', () => {
  test('activate, validate, list, retrieve, rename and deactivate', async ({ scenario, db }) => {
    const key = await importKey(acme, scenario, 'SEATS', { activations_limit: 2 });
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

    const otherKey = await importKey(acme, scenario, 'OTHER-SEATS');
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
    const disabled = await importKey(acme, scenario, 'OFF');
    await acme.licenseKeys.update(disabled.id, { disabled: true });
    await expectApiError(
      software.licenses.activate({ license_key: disabled.key, name: 'x' }),
      PermissionDeniedError,
      403,
      'INACTIVE_LICENSE_KEY',
    );
    const expired = await importKey(acme, scenario, 'OLD', { expires_at: '2020-01-01T00:00:00Z' });
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
    const key = await importKey(acme, scenario, 'BUSY');
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
