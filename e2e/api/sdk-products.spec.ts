import DodoPayments, {
  NotFoundError,
  PermissionDeniedError,
  UnprocessableEntityError,
} from 'dodopayments';
import { DEMO_BUSINESS_ID } from '../../lib/auth/demo-business';
import { expect, test } from '../fixtures';
import {
  collect,
  createApiKeyWithCli,
  expectApiError,
  expectEveryAnswerHadRequestId,
  publicSdk,
  sdk,
  target,
  uniqueKey,
} from './sdk-fixtures';

// The official `dodopayments` SDK, unchanged, against the running Keydesk: creating, changing,
// archiving and unarchiving products. The database is read through the `db` fixture to check.

let acme: DodoPayments;
let acmeReadOnly: DodoPayments;
let holder: DodoPayments;

test.beforeAll(async ({}, testInfo) => {
  const { origin, root } = target(testInfo);
  acme = sdk(origin, await createApiKeyWithCli(root, 'Acme Software'));
  acmeReadOnly = sdk(origin, await createApiKeyWithCli(root, 'Acme Software', { readOnly: true }));
  holder = publicSdk(origin);
});

test.afterAll(expectEveryAnswerHadRequestId);

test('products.create, update, retrieve, list, archive and unarchive', async ({ scenario, db }) => {
  const name = `SDK Studio ${scenario.token}`;
  const { data: created, response } = await acme.products
    .create({
      name,
      description: 'Made with the SDK.',
      price: { type: 'one_time_price', currency: 'USD', price: 4900 },
      tax_category: 'digital_products',
      license_key_enabled: true,
      license_key_activations_limit: 2,
      license_key_duration: { count: 6, interval: 'Month' },
    })
    .withResponse();
  expect(response.status).toBe(201);
  expect(created).toMatchObject({
    product_id: expect.stringMatching(/^pdt_/),
    business_id: DEMO_BUSINESS_ID,
    name,
    description: 'Made with the SDK.',
    license_key_activations_limit: 2,
    license_key_duration: { count: 6, interval: 'Month' },
    price: null,
    tax_category: null,
  });
  const id = created.product_id;
  expect(await db.product.findUniqueOrThrow({ where: { id } })).toMatchObject({
    businessId: DEMO_BUSINESS_ID,
    licenseKeyDurationInterval: 'month',
    archivedAt: null,
  });

  await acme.products.update(id, { name: `${name} Max`, license_key_activations_limit: null });
  expect(await acme.products.retrieve(id)).toMatchObject({
    name: `${name} Max`,
    description: 'Made with the SDK.',
    license_key_activations_limit: null,
    license_key_duration: { count: 6, interval: 'Month' },
  });

  const listed = async (archived: boolean) =>
    (await collect(acme.products.list({ page_number: 0, page_size: 100, archived }))).map(
      (product) => product.product_id,
    );
  expect(await listed(false)).toContain(id);

  // A key issued before archiving keeps working afterwards.
  const key = await acme.licenseKeys.create({
    key: uniqueKey('ARCHIVED'),
    customer_id: scenario.customer.id,
    product_id: id,
  });
  await acme.products.archive(id);
  expect((await db.product.findUniqueOrThrow({ where: { id } })).archivedAt).not.toBeNull();
  expect(await listed(false)).not.toContain(id);
  expect(await listed(true)).toContain(id);
  await expectApiError(
    acme.licenseKeys.create({
      key: uniqueKey('REFUSED'),
      customer_id: scenario.customer.id,
      product_id: id,
    }),
    UnprocessableEntityError,
    422,
    'PRODUCT_ARCHIVED',
  );
  const instance = await holder.licenses.activate({ license_key: key.key, name: 'laptop' });
  expect(instance.product).toMatchObject({ product_id: id });
  expect(
    await holder.licenses.validate({ license_key: key.key, license_key_instance_id: instance.id }),
  ).toMatchObject({ valid: true });

  await acme.products.unarchive(id);
  expect((await db.product.findUniqueOrThrow({ where: { id } })).archivedAt).toBeNull();
  expect(await listed(false)).toContain(id);
  const events = await db.auditEvent.findMany({
    where: { objectType: 'product', objectId: id },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { action: true, actorType: true },
  });
  expect(events).toEqual(
    ['product.created', 'product.updated', 'product.archived', 'product.unarchived'].map(
      (action) => ({ action, actorType: 'api_key' }),
    ),
  );
});

test('a read-only key may not write products; another business’s product is not found', async ({
  scenario,
  db,
}) => {
  await expectApiError(
    acmeReadOnly.products.create({
      name: 'Refused',
      price: { type: 'one_time_price', currency: 'USD', price: 0 },
      tax_category: 'saas',
    }),
    PermissionDeniedError,
    403,
    'FORBIDDEN',
  );
  await expectApiError(
    acmeReadOnly.products.archive(scenario.product.id),
    PermissionDeniedError,
    403,
  );
  await expectApiError(
    acmeReadOnly.products.update(scenario.product.id, { name: 'Refused' }),
    PermissionDeniedError,
    403,
  );
  const globex = await db.product.findFirstOrThrow({
    where: { businessId: { not: DEMO_BUSINESS_ID } },
  });
  await expectApiError(acme.products.archive(globex.id), NotFoundError, 404, 'PRODUCT_NOT_FOUND');
  await expectApiError(acme.products.unarchive(globex.id), NotFoundError, 404);
  await expectApiError(
    acme.products.update(globex.id, { name: 'Mine' }),
    NotFoundError,
    404,
    'PRODUCT_NOT_FOUND',
  );
  expect((await db.product.findUniqueOrThrow({ where: { id: globex.id } })).archivedAt).toBeNull();
  expect(
    (await db.product.findUniqueOrThrow({ where: { id: scenario.product.id } })).archivedAt,
  ).toBeNull();
});
