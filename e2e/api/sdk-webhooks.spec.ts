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
  exchanges,
  expectApiError,
  expectEveryAnswerHadRequestId,
  sdk,
  target,
} from './sdk-fixtures';

// The official `dodopayments` SDK, unchanged, against the running Keydesk: client.webhooks
// create, list (its cursor auto-pagination), retrieve, update, retrieveSecret and delete. The e2e
// server runs with KEYDESK_WEBHOOKS_ALLOW_PRIVATE=1 (playwright.config.ts), so loopback http
// receivers are allowed; the refusals of private addresses are tested in lib/ and e2e/route-handlers.

let acme: DodoPayments;
let acmeReadOnly: DodoPayments;
let globex: DodoPayments;

test.beforeAll(async ({}, testInfo) => {
  const { origin, root } = target(testInfo);
  acme = sdk(origin, await createApiKeyWithCli(root, 'Acme Software'));
  acmeReadOnly = sdk(origin, await createApiKeyWithCli(root, 'Acme Software', { readOnly: true }));
  globex = sdk(origin, await createApiKeyWithCli(root, 'Globex Corporation'));
});

test.afterAll(expectEveryAnswerHadRequestId);

test('webhooks.create, list across pages, retrieve, update, retrieveSecret and delete', async ({
  scenario,
  db,
}) => {
  const url = (n: number) => `http://127.0.0.1:4999/hooks/${scenario.token}/${n}`;
  const { data: first, response } = await acme.webhooks
    .create({
      url: url(1),
      description: 'CRM sync',
      filter_types: ['license_key.created'],
      metadata: { team: 'crm' },
      headers: { Authorization: 'Bearer receiver-token' },
    })
    .withResponse();
  expect(response.status).toBe(201);
  expect(first).toEqual({
    id: expect.stringMatching(/^whk_/),
    url: url(1),
    description: 'CRM sync',
    metadata: { team: 'crm' },
    filter_types: ['license_key.created'],
    disabled: false,
    rate_limit: null,
    created_at: expect.any(String),
    updated_at: expect.any(String),
  });
  expect(JSON.stringify(first)).not.toContain('receiver-token');
  const second = await acme.webhooks.create({ url: url(2) });
  const third = await acme.webhooks.create({ url: url(3), disabled: true });
  expect(second).toMatchObject({ filter_types: [], disabled: false, description: '' });
  expect(third).toMatchObject({ disabled: true });
  expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
    businessId: DEMO_BUSINESS_ID,
    headers: '{"Authorization":"Bearer receiver-token"}',
  });

  // The SDK's auto-pagination, two at a time: every endpoint of the business once, newest first.
  const listedBefore = exchanges.length;
  const listed = await collect(acme.webhooks.list({ limit: 2 }));
  const stored = await db.webhookEndpoint.findMany({
    where: { businessId: DEMO_BUSINESS_ID },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { id: true },
  });
  expect(listed.map((endpoint) => endpoint.id)).toEqual(stored.map((row) => row.id));
  expect(listed.slice(0, 3).map((endpoint) => endpoint.id)).toEqual([
    third.id,
    second.id,
    first.id,
  ]);
  const pages = exchanges.slice(listedBefore).filter((e) => e.url.pathname === '/api/webhooks');
  expect(pages.length).toBe(Math.ceil(stored.length / 2));
  expect(pages.every((e) => e.url.searchParams.get('limit') === '2')).toBe(true);
  expect(pages.slice(1).every((e) => e.url.searchParams.get('iterator'))).toBe(true);

  expect(await acme.webhooks.retrieve(first.id)).toEqual(first);
  const updated = await acme.webhooks.update(first.id, {
    description: 'CRM sync (paused)',
    filter_types: ['license_key.created', 'license_key_instance.created'] as never,
    disabled: true,
    metadata: { team: 'crm', owner: 'dana' },
  });
  expect(updated).toMatchObject({
    id: first.id,
    url: url(1),
    description: 'CRM sync (paused)',
    filter_types: ['license_key.created', 'license_key_instance.created'],
    disabled: true,
    metadata: { team: 'crm', owner: 'dana' },
  });
  expect(await acme.webhooks.update(first.id, { disabled: false })).toMatchObject({
    disabled: false,
    description: 'CRM sync (paused)',
  });

  const { secret } = await acme.webhooks.retrieveSecret(first.id);
  expect(secret).toMatch(/^whsec_/);
  expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: first.id } })).secret).toBe(
    secret,
  );

  await acme.webhooks.delete(first.id);
  await expectApiError(acme.webhooks.retrieve(first.id), NotFoundError, 404, 'WEBHOOK_NOT_FOUND');
  expect(await db.webhookEndpoint.count({ where: { id: first.id } })).toBe(0);

  const events = await db.auditEvent.findMany({
    where: { objectType: 'webhook_endpoint', objectId: first.id },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { action: true, actorType: true, summary: true },
  });
  expect(events.map(({ action, actorType }) => ({ action, actorType }))).toEqual(
    [
      'webhook.created',
      'webhook.updated',
      'webhook.enabled',
      'webhook.secret_viewed',
      'webhook.deleted',
    ].map((action) => ({ action, actorType: 'api_key' })),
  );
  expect(JSON.stringify(events)).not.toContain(secret.slice(6));
  await acme.webhooks.delete(second.id);
  await acme.webhooks.delete(third.id);
});

test('another business’s endpoint is not found; a bad URL or event type is a 422 on its field', async () => {
  const theirs = await globex.webhooks.create({ url: 'http://127.0.0.1:4999/globex' });
  await expectApiError(acme.webhooks.retrieve(theirs.id), NotFoundError, 404, 'WEBHOOK_NOT_FOUND');
  await expectApiError(acme.webhooks.retrieveSecret(theirs.id), NotFoundError, 404);
  await expectApiError(acme.webhooks.update(theirs.id, { disabled: true }), NotFoundError, 404);
  await expectApiError(acme.webhooks.delete(theirs.id), NotFoundError, 404);
  expect(await globex.webhooks.retrieve(theirs.id)).toMatchObject({ disabled: false });
  const acmeIds = (await collect(acme.webhooks.list({ limit: 100 }))).map((item) => item.id);
  expect(acmeIds).not.toContain(theirs.id);

  for (const url of ['not a url', 'ftp://127.0.0.1/hook', 'http://user:pw@127.0.0.1/hook']) {
    const error = await expectApiError(
      acme.webhooks.create({ url }),
      UnprocessableEntityError,
      422,
    );
    expect(error.error).toMatchObject({ errors: { url: [expect.any(String)] } });
  }
  const unknownType = await expectApiError(
    acme.webhooks.create({ url: 'http://127.0.0.1:4999/x', filter_types: ['payment.succeeded'] }),
    UnprocessableEntityError,
    422,
    'INVALID_REQUEST_BODY',
  );
  expect(unknownType.error).toMatchObject({
    errors: { filter_types: [expect.stringContaining('payment.succeeded')] },
  });
  await expectApiError(
    acme.webhooks.update(theirs.id, { url: 'nope' }),
    UnprocessableEntityError,
    422,
  );
  await expectApiError(
    acme.webhooks.list({ iterator: 'not-one-of-ours' }),
    UnprocessableEntityError,
    422,
  );
  await globex.webhooks.delete(theirs.id);
});

test('a read-only API key may not list, read or change webhook endpoints', async ({ db }) => {
  const mine = await acme.webhooks.create({ url: 'http://127.0.0.1:4999/read-only' });
  await expectApiError(acmeReadOnly.webhooks.list(), PermissionDeniedError, 403, 'FORBIDDEN');
  await expectApiError(acmeReadOnly.webhooks.retrieve(mine.id), PermissionDeniedError, 403);
  await expectApiError(acmeReadOnly.webhooks.retrieveSecret(mine.id), PermissionDeniedError, 403);
  await expectApiError(
    acmeReadOnly.webhooks.create({ url: 'http://127.0.0.1:4999/refused' }),
    PermissionDeniedError,
    403,
  );
  await expectApiError(
    acmeReadOnly.webhooks.update(mine.id, { disabled: true }),
    PermissionDeniedError,
    403,
  );
  await expectApiError(acmeReadOnly.webhooks.delete(mine.id), PermissionDeniedError, 403);
  expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id: mine.id } })).toMatchObject({
    disabled: false,
  });
  await acme.webhooks.delete(mine.id);
});
