import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { apiWebhookListSchema, apiWebhookSchema } from '@/lib/webhooks/api-schema';
import { createBusinessFixture, createTestDatabase } from '@/lib/testing/test-database';
import { apiKeySecret } from './support';

// The webhook endpoints' route handlers, in-process on a real database, with API keys of two
// businesses: Dodo's shapes, its cursor pages, and the refusals with their fields.
// (e2e/api/sdk-webhooks.spec.ts drives the same endpoints with the official SDK over HTTP.)

const testDb = await createTestDatabase();
const { db } = testDb;
const listRoute = await import('@/app/api/webhooks/route');
const itemRoute = await import('@/app/api/webhooks/[id]/route');
const secretRoute = await import('@/app/api/webhooks/[id]/secret/route');
afterAll(() => testDb.cleanup());

const acme = await createBusinessFixture(db, 'Acme');
const globex = await createBusinessFixture(db, 'Globex');
const acmeRead = await apiKeySecret(acme.owner, 'Reports', true);
const acmeWrite = await apiKeySecret(acme.owner, 'CI', false);
const globexWrite = await apiKeySecret(globex.owner, 'CI', false);

afterEach(() => {
  delete process.env.KEYDESK_WEBHOOKS_ALLOW_PRIVATE;
});

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

async function call(secret: string, method: Method, path: string, body?: unknown) {
  const request = new Request(`http://test/api${path}`, {
    method,
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const url = new URL(request.url);
  const match = /^\/api\/webhooks(?:\/([^/]+)(\/secret)?)?$/.exec(url.pathname);
  if (!match) throw new Error(`no route for ${path}`);
  let response: Response;
  if (!match[1]) {
    const handler = method === 'POST' ? listRoute.POST : listRoute.GET;
    response = await handler(request, { params: Promise.resolve({}) });
  } else {
    const params = Promise.resolve({ id: decodeURIComponent(match[1]) });
    const handler = match[2]
      ? secretRoute.GET
      : { GET: itemRoute.GET, PATCH: itemRoute.PATCH, DELETE: itemRoute.DELETE }[
          method as 'GET' | 'PATCH' | 'DELETE'
        ];
    response = await handler(request, { params });
  }
  expect(response.status, await response.clone().text()).toBeLessThan(500);
  return { status: response.status, body: await response.json() };
}

describe('POST, GET, PATCH and DELETE /webhooks', () => {
  it('create, read, change and delete an endpoint as Dodo’s WebhookDetails', async () => {
    process.env.KEYDESK_WEBHOOKS_ALLOW_PRIVATE = '1';
    const created = await call(acmeWrite, 'POST', '/webhooks', {
      url: 'http://127.0.0.1:4000/hook',
      description: 'CRM',
      filter_types: ['license_key.created'],
      metadata: { team: 'crm' },
      headers: { Authorization: 'Bearer receiver-token' },
      rate_limit: 10,
      idempotency_key: 'ignored',
    });
    expect(created.status).toBe(201);
    expect(apiWebhookSchema.parse(created.body)).toEqual({
      id: expect.stringMatching(/^whk_/),
      url: 'http://127.0.0.1:4000/hook',
      description: 'CRM',
      metadata: { team: 'crm' },
      filter_types: ['license_key.created'],
      disabled: false,
      rate_limit: null,
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
    expect(JSON.stringify(created.body)).not.toContain('receiver-token');
    const id = created.body.id as string;

    expect((await call(acmeWrite, 'GET', `/webhooks/${id}`)).body).toEqual(created.body);
    const patched = await call(acmeWrite, 'PATCH', `/webhooks/${id}`, {
      disabled: true,
      filter_types: [],
      description: null,
    });
    expect(patched).toMatchObject({
      status: 200,
      body: { id, description: 'CRM', filter_types: [], disabled: true },
    });

    const secret = await call(acmeWrite, 'GET', `/webhooks/${id}/secret`);
    expect(secret).toEqual({ status: 200, body: { secret: expect.stringMatching(/^whsec_/) } });

    expect(await call(acmeWrite, 'DELETE', `/webhooks/${id}`)).toEqual({ status: 200, body: {} });
    expect(await call(acmeWrite, 'GET', `/webhooks/${id}`)).toMatchObject({
      status: 404,
      body: { code: 'WEBHOOK_NOT_FOUND' },
    });
  });

  it('walks the list in cursor pages, newest first, with iterator null on the last', async () => {
    process.env.KEYDESK_WEBHOOKS_ALLOW_PRIVATE = '1';
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const { body } = await call(globexWrite, 'POST', '/webhooks', {
        url: `http://127.0.0.1:4000/${i}`,
      });
      ids.unshift(body.id);
    }
    const seen: string[] = [];
    let query = '?limit=2';
    for (;;) {
      const page = await call(globexWrite, 'GET', `/webhooks${query}`);
      const list = apiWebhookListSchema.parse(page.body);
      seen.push(...list.data.map((item) => item.id));
      expect(list.done).toBe(list.iterator === null);
      if (!list.iterator) break;
      query = `?limit=2&iterator=${encodeURIComponent(list.iterator)}`;
    }
    expect(seen).toEqual(ids);
  });

  it('refuses a bad URL, an unknown event type and a bad iterator with 422 on the field', async () => {
    const refused = await call(acmeWrite, 'POST', '/webhooks', { url: 'https://127.0.0.1/hook' });
    expect(refused).toEqual({
      status: 422,
      body: {
        code: 'WEBHOOK_URL_PRIVATE',
        message: expect.stringContaining('public addresses only'),
        errors: { url: [expect.stringContaining('public addresses only')] },
      },
    });
    expect(
      await call(acmeWrite, 'POST', '/webhooks', { url: 'http://8.8.8.8/hook' }),
    ).toMatchObject({ status: 422, body: { code: 'WEBHOOK_URL_NOT_HTTPS' } });
    expect(await call(acmeWrite, 'POST', '/webhooks', { url: 'not a url' })).toMatchObject({
      status: 422,
      body: { code: 'INVALID_REQUEST_BODY', errors: { url: [expect.any(String)] } },
    });
    const unknown = await call(acmeWrite, 'POST', '/webhooks', {
      url: 'https://8.8.8.8/hook',
      filter_types: ['license_key.created', 'payment.succeeded'],
    });
    expect(unknown).toMatchObject({
      status: 422,
      body: { errors: { filter_types: [expect.stringContaining('payment.succeeded')] } },
    });
    expect(await call(acmeWrite, 'GET', '/webhooks?iterator=nope')).toMatchObject({
      status: 422,
      body: { errors: { iterator: [expect.any(String)] } },
    });
    expect(await call(acmeWrite, 'GET', '/webhooks?limit=101')).toMatchObject({
      status: 422,
      body: { errors: { limit: [expect.any(String)] } },
    });
    expect(await db.webhookEndpoint.count({ where: { businessId: acme.business.id } })).toBe(0);
  });

  it('refuses read-only keys everything, and finds no endpoint of another business', async () => {
    process.env.KEYDESK_WEBHOOKS_ALLOW_PRIVATE = '1';
    const { body } = await call(globexWrite, 'POST', '/webhooks', { url: 'http://127.0.0.1/x' });
    for (const [method, path] of [
      ['GET', '/webhooks'],
      ['POST', '/webhooks'],
      ['GET', `/webhooks/${body.id}`],
      ['GET', `/webhooks/${body.id}/secret`],
    ] as const) {
      expect((await call(acmeRead, method, path, method === 'POST' ? {} : undefined)).status).toBe(
        403,
      );
    }
    for (const [method, path] of [
      ['GET', `/webhooks/${body.id}`],
      ['PATCH', `/webhooks/${body.id}`],
      ['DELETE', `/webhooks/${body.id}`],
      ['GET', `/webhooks/${body.id}/secret`],
    ] as const) {
      expect(
        await call(acmeWrite, method, path, method === 'PATCH' ? { disabled: true } : undefined),
      ).toMatchObject({ status: 404, body: { code: 'WEBHOOK_NOT_FOUND' } });
    }
    expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id: body.id } })).toMatchObject({
      disabled: false,
    });
  });
});
