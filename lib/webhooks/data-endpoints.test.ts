import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotAllowedError, type Actor } from '@/lib/auth/authorize';
import { newId } from '@/lib/ids';
import { newRequestId } from '@/lib/log';
import { createBusinessFixture, createTestDatabase } from '@/lib/testing/test-database';

// Integration tests on a real, migrated database (SQLite, or PostgreSQL with DATABASE_URL): the
// code path the dashboard's actions, the REST API and the command line all take.
const testDb = await createTestDatabase();
const {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  getWebhookEndpoint,
  listWebhookEndpoints,
  revealWebhookSecret,
  rotateWebhookSecret,
  updateWebhookEndpoint,
} = await import('./data-endpoints');
const { SECRET_OVERLAP_MS } = await import('./secret');
const { db } = testDb;
afterAll(() => testDb.cleanup());

const acme = await createBusinessFixture(db, 'Acme');
const globex = await createBusinessFixture(db, 'Globex');

const apiKeyActor = (role: 'write' | 'read_only'): Actor => ({
  businessId: acme.business.id,
  type: 'api_key',
  id: newId('key'),
  name: `CI ${role}`,
  role,
  requestId: newRequestId(),
});

// Loopback receivers are allowed unless a test says otherwise, as in development and the e2e run.
beforeEach(() => {
  process.env.KEYDESK_WEBHOOKS_ALLOW_PRIVATE = '1';
});
afterEach(() => {
  delete process.env.KEYDESK_WEBHOOKS_ALLOW_PRIVATE;
});

let counter = 0;
const uniqueUrl = () => `http://127.0.0.1:4000/hooks/${(counter += 1)}`;

async function created(
  actor: Actor = acme.owner,
  input: Partial<Parameters<typeof createWebhookEndpoint>[1]> = {},
) {
  const result = await createWebhookEndpoint(actor, {
    url: uniqueUrl(),
    description: '',
    filterTypes: [],
    ...input,
  });
  if (!result.ok) throw new Error(`createWebhookEndpoint failed: ${result.code}`);
  return result.value;
}

async function counts() {
  return { endpoints: await db.webhookEndpoint.count(), events: await db.auditEvent.count() };
}

const auditOf = (id: string) =>
  db.auditEvent.findMany({
    where: { objectId: id },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });

describe('createWebhookEndpoint', () => {
  it('stores the endpoint with a new whsec_ secret and its headers, and answers it without them', async () => {
    const endpoint = await created(acme.admin, {
      description: 'CRM sync',
      filterTypes: ['license_key.created', 'license_key_instance.created'],
      metadata: { team: 'growth' },
      headers: { 'X-Receiver-Token': 'tok_very_secret' },
    });
    expect(endpoint).toEqual({
      id: expect.stringMatching(/^whk_[0-9A-Za-z]{21}$/),
      url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:4000\/hooks\/\d+$/),
      description: 'CRM sync',
      filterTypes: ['license_key.created', 'license_key_instance.created'],
      metadata: { team: 'growth' },
      disabled: false,
      disabledReason: null,
      failingSince: null,
      createdAt: expect.any(Date),
      updatedAt: expect.any(Date),
    });
    const row = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(row).toMatchObject({
      businessId: acme.business.id,
      filterTypes: '["license_key.created","license_key_instance.created"]',
      headers: '{"X-Receiver-Token":"tok_very_secret"}',
      previousSecret: null,
    });
    expect(row.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);

    const [event] = await auditOf(endpoint.id);
    expect(event).toMatchObject({
      action: 'webhook.created',
      objectType: 'webhook_endpoint',
      actorRole: 'admin',
      businessId: acme.business.id,
    });
    expect(event.summary).toContain('license_key.created, license_key_instance.created');
    expect(event.summary).toContain('X-Receiver-Token');
    expect(event.summary).not.toContain('tok_very_secret');
    expect(event.summary).not.toContain(row.secret);
  });

  it('is allowed to owners, admins, write API keys and the operator; refused to support and read-only keys', async () => {
    await created(acme.owner);
    await created(apiKeyActor('write'));
    const before = await counts();
    for (const actor of [acme.support, apiKeyActor('read_only')]) {
      await expect(
        createWebhookEndpoint(actor, { url: uniqueUrl(), description: '', filterTypes: [] }),
      ).rejects.toThrow(NotAllowedError);
    }
    expect(await counts()).toEqual(before);
  });

  it('without KEYDESK_WEBHOOKS_ALLOW_PRIVATE refuses http and private addresses and writes nothing', async () => {
    delete process.env.KEYDESK_WEBHOOKS_ALLOW_PRIVATE;
    const before = await counts();
    const attempt = (url: string) =>
      createWebhookEndpoint(acme.owner, { url, description: '', filterTypes: [] });
    expect(await attempt('http://8.8.8.8/hook')).toEqual({
      ok: false,
      code: 'WEBHOOK_URL_NOT_HTTPS',
    });
    for (const url of [
      'https://127.0.0.1/hook',
      'https://10.0.0.1/hook',
      'https://169.254.169.254/latest/meta-data',
      'https://localhost/hook',
      'https://[::1]/hook',
    ]) {
      expect(await attempt(url), url).toEqual({ ok: false, code: 'WEBHOOK_URL_PRIVATE' });
    }
    expect(await counts()).toEqual(before);
    // A public address (a literal one: no DNS needed) is fine.
    expect((await attempt('https://8.8.8.8/hook')).ok).toBe(true);
  });
});

describe('listWebhookEndpoints', () => {
  it('walks every endpoint newest first, `limit` at a time, ties by id, never another business’s', async () => {
    const business = await createBusinessFixture(db, 'Pager');
    const mine = [];
    for (let i = 0; i < 5; i += 1) mine.push(await created(business.owner));
    // Two endpoints made in the same millisecond: the id breaks the tie, and no page loses one.
    const instant = new Date(mine[2].createdAt.getTime());
    for (const id of [newId('whk'), newId('whk')]) {
      await db.webhookEndpoint.create({
        data: {
          id,
          businessId: business.business.id,
          url: uniqueUrl(),
          secret: 'whsec_x',
          createdAt: instant,
        },
      });
    }
    await created(globex.owner);

    const seen: string[] = [];
    let iterator: string | undefined;
    let pages = 0;
    do {
      const page = await listWebhookEndpoints(business.admin, { limit: 2, iterator });
      if (!page.ok) throw new Error(page.code);
      expect(page.value.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.value.items.map((item) => item.id));
      iterator = page.value.iterator ?? undefined;
      pages += 1;
    } while (iterator);
    expect(pages).toBe(4);

    const all = await db.webhookEndpoint.findMany({
      where: { businessId: business.business.id },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      select: { id: true },
    });
    expect(seen).toEqual(all.map((row) => row.id));
    expect(seen).toHaveLength(7);
  });

  it('answers 10 by default, at most 100, and refuses an iterator it did not make', async () => {
    const first = await listWebhookEndpoints(acme.owner);
    expect(first.ok && first.value.items.length).toBeLessThanOrEqual(10);
    expect(await listWebhookEndpoints(acme.owner, { iterator: 'not-ours' })).toEqual({
      ok: false,
      code: 'WEBHOOK_ITERATOR_INVALID',
    });
    const huge = await listWebhookEndpoints(acme.owner, { limit: 10_000 });
    expect(huge.ok && huge.value.items.length).toBeLessThanOrEqual(100);
    await expect(listWebhookEndpoints(acme.support)).rejects.toThrow(NotAllowedError);
  });
});

describe('getWebhookEndpoint', () => {
  it('finds an endpoint of the business only', async () => {
    const endpoint = await created();
    expect(await getWebhookEndpoint(acme.admin, endpoint.id)).toEqual(endpoint);
    expect(await getWebhookEndpoint(globex.owner, endpoint.id)).toBeNull();
    expect(await getWebhookEndpoint(acme.owner, 'whk_nothing')).toBeNull();
  });
});

describe('updateWebhookEndpoint', () => {
  it('changes the given fields, keeps the others, and records what changed', async () => {
    const endpoint = await created(acme.owner, { description: 'Old', metadata: { a: '1' } });
    const url = uniqueUrl();
    const result = await updateWebhookEndpoint(acme.owner, endpoint.id, {
      url,
      filterTypes: ['license_key.disabled'],
    });
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({
        url,
        description: 'Old',
        filterTypes: ['license_key.disabled'],
        metadata: { a: '1' },
        disabled: false,
      }),
    });
    const events = await auditOf(endpoint.id);
    expect(events.map((event) => event.action)).toEqual(['webhook.created', 'webhook.updated']);
    expect(events[1].summary).toContain('events all events → license_key.disabled');
  });

  it('writes nothing when nothing changes', async () => {
    const endpoint = await created();
    const before = await counts();
    const result = await updateWebhookEndpoint(acme.owner, endpoint.id, {
      url: endpoint.url,
      description: '',
      filterTypes: [],
    });
    expect(result).toEqual({ ok: true, value: endpoint });
    expect(await counts()).toEqual(before);
  });

  it('records disabling and enabling as such; enabling clears why Keydesk disabled it', async () => {
    const endpoint = await created();
    await updateWebhookEndpoint(acme.owner, endpoint.id, { disabled: true });
    // The delivery worker gave up on it.
    await db.webhookEndpoint.update({
      where: { id: endpoint.id },
      data: { disabledReason: 'Every delivery failed for 5 days.', failingSince: new Date(0) },
    });
    const seen = await getWebhookEndpoint(acme.owner, endpoint.id);
    expect(seen).toMatchObject({
      disabled: true,
      disabledReason: 'Every delivery failed for 5 days.',
    });

    const enabled = await updateWebhookEndpoint(acme.owner, endpoint.id, { disabled: false });
    expect(enabled).toMatchObject({
      ok: true,
      value: { disabled: false, disabledReason: null, failingSince: null },
    });
    expect((await auditOf(endpoint.id)).map((event) => event.action)).toEqual([
      'webhook.created',
      'webhook.disabled',
      'webhook.enabled',
    ]);
  });

  it('checks a new URL, and leaves another business’s endpoint alone', async () => {
    const endpoint = await created();
    delete process.env.KEYDESK_WEBHOOKS_ALLOW_PRIVATE;
    expect(
      await updateWebhookEndpoint(acme.owner, endpoint.id, { url: 'https://10.1.1.1/' }),
    ).toEqual({ ok: false, code: 'WEBHOOK_URL_PRIVATE' });
    // The URL it has is kept as it is (it was allowed when saved; deliveries check it again).
    expect(
      (
        await updateWebhookEndpoint(acme.owner, endpoint.id, {
          url: endpoint.url,
          description: 'x',
        })
      ).ok,
    ).toBe(true);

    const before = await counts();
    expect(
      await updateWebhookEndpoint(globex.owner, endpoint.id, { description: 'Mine now' }),
    ).toEqual({ ok: false, code: 'WEBHOOK_NOT_FOUND' });
    expect(await counts()).toEqual(before);
    expect((await getWebhookEndpoint(acme.owner, endpoint.id))?.description).toBe('x');
  });
});

describe('deleteWebhookEndpoint', () => {
  it('deletes an endpoint of the business, recorded; another business’s is not found', async () => {
    const endpoint = await created();
    expect(await deleteWebhookEndpoint(globex.admin, endpoint.id)).toEqual({
      ok: false,
      code: 'WEBHOOK_NOT_FOUND',
    });
    expect(await deleteWebhookEndpoint(acme.admin, endpoint.id)).toEqual({
      ok: true,
      value: { id: endpoint.id },
    });
    expect(await db.webhookEndpoint.count({ where: { id: endpoint.id } })).toBe(0);
    expect((await auditOf(endpoint.id)).map((event) => event.action)).toEqual([
      'webhook.created',
      'webhook.deleted',
    ]);
    expect(await deleteWebhookEndpoint(acme.admin, endpoint.id)).toEqual({
      ok: false,
      code: 'WEBHOOK_NOT_FOUND',
    });
  });
});

describe('signing secrets', () => {
  it('are revealed to the business only, each look recorded without the secret', async () => {
    const endpoint = await created();
    const row = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(await revealWebhookSecret(apiKeyActor('write'), endpoint.id)).toEqual({
      ok: true,
      value: { secret: row.secret },
    });
    expect(await revealWebhookSecret(globex.owner, endpoint.id)).toEqual({
      ok: false,
      code: 'WEBHOOK_NOT_FOUND',
    });
    await expect(revealWebhookSecret(acme.support, endpoint.id)).rejects.toThrow(NotAllowedError);
    const events = await auditOf(endpoint.id);
    expect(events.map((event) => event.action)).toEqual([
      'webhook.created',
      'webhook.secret_viewed',
    ]);
    expect(JSON.stringify(events)).not.toContain(row.secret.slice(6));
  });

  it('rotate: a new secret, the old one kept for 24 hours, recorded without either', async () => {
    const endpoint = await created();
    const before = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    const now = new Date('2026-12-01T10:00:00.000Z');
    expect(await rotateWebhookSecret(acme.owner, endpoint.id, now)).toEqual({
      ok: true,
      value: { previousSecretExpiresAt: new Date(now.getTime() + SECRET_OVERLAP_MS) },
    });
    const after = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(after.secret).toMatch(/^whsec_/);
    expect(after.secret).not.toBe(before.secret);
    expect(after.previousSecret).toBe(before.secret);
    expect(after.previousSecretExpiresAt).toEqual(new Date('2026-12-02T10:00:00.000Z'));

    // A second rotation keeps only the secret just replaced.
    await rotateWebhookSecret(acme.owner, endpoint.id, now);
    const third = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(third.previousSecret).toBe(after.secret);

    const events = await auditOf(endpoint.id);
    expect(events.map((event) => event.action)).toEqual([
      'webhook.created',
      'webhook.secret_rotated',
      'webhook.secret_rotated',
    ]);
    expect(events[1].summary).toContain('2026-12-02T10:00:00.000Z');
    for (const secret of [before.secret, after.secret, third.secret]) {
      expect(JSON.stringify(events)).not.toContain(secret.slice(6));
    }
    expect(await rotateWebhookSecret(globex.owner, endpoint.id)).toEqual({
      ok: false,
      code: 'WEBHOOK_NOT_FOUND',
    });
  });
});
