import DodoPayments from 'dodopayments';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '@/lib/ids';
import { createBusinessFixture, createTestDatabase } from '@/lib/testing/test-database';
import { startWebhookReceiver } from '@/lib/testing/webhook-receiver';
import { WEBHOOK_MAX_ATTEMPTS, WEBHOOK_RETRY_DELAYS_MS } from './schedule';
import { newWebhookSecret } from './secret';

// Deliveries to a real HTTP receiver on loopback, from events written by real key changes: signed
// so that the standardwebhooks package and Dodo's SDK verify them, in order, retried on the
// Standard Webhooks schedule (a moved clock), logged, and never sent to a private address unless
// the installation allows it.

const receiver = await startWebhookReceiver();
const testDb = await createTestDatabase();
const { db } = testDb;
afterAll(async () => {
  await testDb.cleanup();
  await receiver.close();
});
const { createLicenseKey } = await import('@/lib/license-keys/data');
const { deliverDueWebhooks } = await import('./worker');
const { renderWebhookDisabledEmail } = await import('./data-disabled-email');
const { resendWebhookDelivery, sendTestWebhookEvent, purgeWebhookLog } =
  await import('./data-delivery-log');

const acme = await createBusinessFixture(db, 'Acme');
const workerId = 'test-worker';

beforeEach(async () => {
  // Each test has its own endpoint: the ones before it hear nothing more.
  await db.webhookEndpoint.updateMany({ data: { disabled: true } });
  receiver.answer({ status: 200 });
  receiver.clear();
});

async function endpoint(
  data: Partial<{
    url: string;
    previousSecret: string;
    previousSecretExpiresAt: Date;
    failingSince: Date;
  }> = {},
) {
  return db.webhookEndpoint.create({
    data: {
      id: newId('whk'),
      businessId: acme.business.id,
      url: receiver.url(`/hook-${newId('whk').slice(4, 10)}`),
      secret: newWebhookSecret(),
      ...data,
    },
  });
}

async function issueKey() {
  const created = await createLicenseKey(acme.owner, {
    mode: 'generate',
    customerId: acme.customer.id,
    productId: acme.product.id,
    activationsLimit: 3,
    expiresAt: null,
  });
  if (!created.ok) throw new Error(created.code);
  return created.value;
}

const deliver = (at?: Date, options: { allowPrivate?: boolean; timeoutMs?: number } = {}) =>
  deliverDueWebhooks({
    workerId,
    allowPrivate: options.allowPrivate ?? true,
    timeoutMs: options.timeoutMs,
    ...(at ? { now: () => at } : {}),
  });

describe('webhook deliveries', () => {
  it('arrive signed: standardwebhooks and the Dodo SDK verify them, with the event as its body', async () => {
    const hook = await endpoint();
    const key = await issueKey();
    expect(await deliver()).toBe(1);
    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['webhook-id']).toMatch(/^msg_/);
    expect(request.headers['webhook-signature']).toMatch(/^v1,/);
    new Webhook(hook.secret).verify(request.body, request.headers);
    const dodo = new DodoPayments({ bearerToken: 'unused', environment: 'test_mode' });
    const event = dodo.webhooks.unwrap(request.body, {
      headers: request.headers,
      key: hook.secret,
    });
    expect(event).toMatchObject({
      business_id: acme.business.id,
      type: 'license_key.created',
      data: { id: key.id, key: key.key, status: 'active', activations_limit: 3 },
    });
    expect(() => new Webhook(newWebhookSecret()).verify(request.body, request.headers)).toThrow();
    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: hook.id } });
    expect(delivery).toMatchObject({ state: 'succeeded', attempts: 1, lastStatus: 200 });
    const [attempt] = await db.webhookAttempt.findMany({ where: { deliveryId: delivery.id } });
    expect(attempt).toMatchObject({ attempt: 1, statusCode: 200, responseBody: 'ok' });
    expect(await deliver()).toBe(0); // nothing twice
  });

  it('arrive in the order the changes happened', async () => {
    await endpoint();
    const keys = [];
    for (let i = 0; i < 12; i++) keys.push(await issueKey());
    expect(await deliver()).toBe(12);
    expect(receiver.received.map((request) => JSON.parse(request.body).data.id)).toEqual(
      keys.map((key) => key.id),
    );
  });

  it('are signed with both secrets while a rotated one still counts, then with the new one only', async () => {
    const old = newWebhookSecret();
    const hook = await endpoint({
      previousSecret: old,
      previousSecretExpiresAt: new Date(Date.now() + 60_000),
    });
    await issueKey();
    await deliver();
    const [request] = receiver.received;
    expect(request.headers['webhook-signature'].split(' ')).toHaveLength(2);
    new Webhook(hook.secret).verify(request.body, request.headers);
    new Webhook(old).verify(request.body, request.headers);

    await db.webhookEndpoint.update({
      where: { id: hook.id },
      data: { previousSecretExpiresAt: new Date(Date.now() - 1) },
    });
    await issueKey();
    await deliver();
    const later = receiver.received[1];
    new Webhook(hook.secret).verify(later.body, later.headers);
    expect(() => new Webhook(old).verify(later.body, later.headers)).toThrow();
  });

  it('are retried on the Standard Webhooks schedule after a 500, then fail for good', async () => {
    const hook = await endpoint();
    receiver.answer({ status: 500, body: 'x'.repeat(5000) });
    await issueKey();
    let now = new Date();
    expect(await deliver(now)).toBe(1);
    const delivery = () => db.webhookDelivery.findFirstOrThrow({ where: { endpointId: hook.id } });
    for (const [index, delay] of WEBHOOK_RETRY_DELAYS_MS.entries()) {
      const due = await delivery();
      expect(due).toMatchObject({ state: 'pending', attempts: index + 1, lastStatus: 500 });
      expect(due.nextAttemptAt.getTime()).toBe(now.getTime() + delay);
      expect(await deliver(new Date(due.nextAttemptAt.getTime() - 1))).toBe(0); // not yet
      now = due.nextAttemptAt;
      expect(await deliver(now)).toBe(1);
    }
    expect(await delivery()).toMatchObject({ state: 'failed', attempts: WEBHOOK_MAX_ATTEMPTS });
    expect(receiver.received).toHaveLength(WEBHOOK_MAX_ATTEMPTS);
    const ids = new Set(receiver.received.map((request) => request.headers['webhook-id']));
    expect(ids.size).toBe(1); // every attempt the same webhook-id
    const attempts = await db.webhookAttempt.findMany({
      where: { deliveryId: (await delivery()).id },
    });
    expect(attempts).toHaveLength(WEBHOOK_MAX_ATTEMPTS);
    expect(attempts[0].responseBody).toHaveLength(1024); // the answer's first 1 KB
  });

  it('time out after the limit and are retried; a failing one does not hold back the next', async () => {
    const hook = await endpoint();
    receiver.answer({ delayMs: 1_000 });
    const first = await issueKey();
    const now = new Date();
    expect(await deliver(now, { timeoutMs: 200 })).toBe(1);
    const [attempt] = await db.webhookAttempt.findMany({
      where: { delivery: { endpointId: hook.id } },
    });
    expect(attempt).toMatchObject({
      statusCode: null,
      responseBody: 'No complete answer within 0.2 s',
    });
    receiver.answer({ status: 204 });
    const second = await issueKey();
    // The endpoint rests 5 s after a failure; then the second event goes, the first at its retry.
    const later = new Date(now.getTime() + WEBHOOK_RETRY_DELAYS_MS[0]);
    expect(await deliver(later)).toBe(2);
    const bodies = receiver.received.slice(1).map((request) => JSON.parse(request.body).data.id);
    expect(bodies).toEqual([first.id, second.id]);
  });

  it('disable an endpoint whose every attempt has failed for 5 days, and say so in the trail', async () => {
    const hook = await endpoint({ failingSince: new Date(Date.now() - 5 * 24 * 3600_000) });
    receiver.answer({ status: 503 });
    await issueKey();
    process.env.KEYDESK_SMTP_URL = 'smtp://127.0.0.1:9';
    try {
      await deliver();
    } finally {
      delete process.env.KEYDESK_SMTP_URL;
    }
    expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id: hook.id } })).toMatchObject({
      disabled: true,
      disabledReason: 'Every delivery failed for 5 days',
    });
    const audit = await db.auditEvent.findFirst({
      where: { objectId: hook.id, action: 'webhook.disabled_failing' },
    });
    expect(audit?.businessId).toBe(acme.business.id);
    // The owners are emailed (email is configured in this test), from the outbox.
    const [email] = await db.outboxMessage.findMany({ where: { subjectId: hook.id } });
    const payload = JSON.parse(email.payload);
    expect(payload).toMatchObject({ template: 'webhook_disabled', webhookId: hook.id });
    const owner = await db.user.findFirstOrThrow({
      where: { memberships: { some: { businessId: acme.business.id, role: 'owner' } } },
    });
    expect(payload.to).toBe(owner.email);
    const content = await renderWebhookDisabledEmail(payload);
    expect(content.subject).toBe(`A webhook endpoint of ${acme.business.name} was disabled`);
    expect(content.text).toContain(hook.url);
    expect(content.text).toContain(`/settings/webhooks/${hook.id}`);
  });

  it('clear the failing mark on a success', async () => {
    const hook = await endpoint({ failingSince: new Date(Date.now() - 3600_000) });
    await issueKey();
    await deliver();
    expect(
      (await db.webhookEndpoint.findUniqueOrThrow({ where: { id: hook.id } })).failingSince,
    ).toBeNull();
  });

  it('are never sent to a private address unless the installation allows it', async () => {
    const hook = await endpoint();
    await issueKey();
    const now = new Date();
    await deliver(now, { allowPrivate: false });
    expect(receiver.received).toHaveLength(0);
    const attempts = () =>
      db.webhookAttempt.findMany({
        where: { delivery: { endpointId: hook.id } },
        orderBy: { at: 'asc' },
      });
    expect((await attempts())[0].responseBody).toBe('Not sent: the endpoint URL must use https');
    for (const url of [
      `https://127.0.0.1:${receiver.port}/x`,
      `https://localhost:${receiver.port}/x`,
      'https://[::1]/x',
      'https://169.254.169.254/latest/meta-data',
      'https://10.1.2.3/x',
    ]) {
      await db.webhookEndpoint.update({ where: { id: hook.id }, data: { url, lockedUntil: null } });
      await db.webhookDelivery.updateMany({
        where: { endpointId: hook.id },
        data: { nextAttemptAt: now },
      });
      await deliver(now, { allowPrivate: false });
      expect((await attempts()).at(-1)?.responseBody).toBe(
        'Not sent: the endpoint resolves to an address that is not public',
      );
    }
    expect(receiver.received).toHaveLength(0);
  });

  it('"Send test event" reaches one endpoint, whatever its event types; "Resend" sends again', async () => {
    const hook = await endpoint();
    await db.webhookEndpoint.update({
      where: { id: hook.id },
      data: { filterTypes: JSON.stringify(['license_key.disabled']) },
    });
    const sent = await sendTestWebhookEvent(acme.owner, hook.id);
    if (!sent.ok) throw new Error(sent.code);
    await deliver();
    expect(JSON.parse(receiver.received[0].body)).toMatchObject({
      type: 'webhook.test',
      business_id: acme.business.id,
    });
    expect((await resendWebhookDelivery(acme.owner, hook.id, sent.value.deliveryId)).ok).toBe(true);
    await deliver();
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[1].headers['webhook-id']).toBe(
      receiver.received[0].headers['webhook-id'],
    );
    const other = await createBusinessFixture(db, 'Other');
    expect(await resendWebhookDelivery(other.owner, hook.id, sent.value.deliveryId)).toMatchObject({
      ok: false,
    });
    expect(await sendTestWebhookEvent(other.owner, hook.id)).toMatchObject({ ok: false });
  });

  it('keep an answer with bytes a database cannot store (NUL), and survive an endpoint deleted mid-send', async () => {
    const hook = await endpoint();
    receiver.answer({ status: 200, body: 'ok\u0000 done' });
    await issueKey();
    await deliver();
    const [attempt] = await db.webhookAttempt.findMany({
      where: { delivery: { endpointId: hook.id } },
    });
    expect(attempt.responseBody).toBe('ok done');

    await db.webhookEndpoint.update({ where: { id: hook.id }, data: { disabled: true } });
    const doomed = await endpoint();
    receiver.answer({ before: () => db.webhookEndpoint.deleteMany({ where: { id: doomed.id } }) });
    await issueKey();
    expect(await deliver()).toBe(1);
    expect(await db.webhookEndpoint.count({ where: { id: doomed.id } })).toBe(0);
  });

  it('keeps 30 days of log: older attempts, settled deliveries and their events are purged', async () => {
    const hook = await endpoint();
    await issueKey();
    await deliver();
    const later = new Date(Date.now() + 31 * 24 * 3600_000);
    await purgeWebhookLog(later);
    expect(await db.webhookDelivery.count({ where: { endpointId: hook.id } })).toBe(0);
    expect(await db.webhookAttempt.count({ where: { delivery: { endpointId: hook.id } } })).toBe(0);
  });
});
