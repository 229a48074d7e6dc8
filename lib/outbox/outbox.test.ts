import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '@/lib/ids';
import { startMailServer } from '@/lib/testing/mail-server';
import { createBusinessFixture, createTestDatabase } from '@/lib/testing/test-database';

// The outbox against a real database and a real SMTP server on loopback: what an action queues
// is delivered by the worker, read back from the server, and settled in the database.

const mail = await startMailServer();
process.env.KEYDESK_SMTP_URL = `smtp://127.0.0.1:${mail.port}`;
process.env.KEYDESK_MAIL_FROM = 'Keydesk Test <keydesk@test.example>';
const testDb = await createTestDatabase();
const { db } = testDb;
const { deliverDueMessages } = await import('./worker');
const { claimOutboxMessages } = await import('./data');
const { outboxHandlers } = await import('./handlers');
const keys = await import('@/lib/license-keys/data-email');
const { createLicenseKey } = await import('@/lib/license-keys/data');
const { createInvite } = await import('@/lib/members/data-invites');
afterAll(async () => {
  await testDb.cleanup();
  await mail.close();
});

const acme = await createBusinessFixture(db, 'Acme');
const handlers = outboxHandlers();
const drain = (now?: Date) =>
  deliverDueMessages(handlers, { workerId: 'test-worker', now: now ? () => now : undefined });

beforeEach(() => {
  mail.clear();
  process.env.KEYDESK_SMTP_URL = `smtp://127.0.0.1:${mail.port}`;
});

async function newKey(customerEmail?: string) {
  let customerId = acme.customer.id;
  if (customerEmail) {
    const customer = await db.customer.create({
      data: {
        id: newId('cus'),
        businessId: acme.business.id,
        name: 'Bo Unce',
        nameLower: 'bo unce',
        email: customerEmail,
        emailLower: customerEmail,
      },
    });
    customerId = customer.id;
  }
  const created = await createLicenseKey(acme.owner, {
    mode: 'generate',
    customerId,
    productId: acme.product.id,
    activationsLimit: 3,
    expiresAt: null,
  });
  if (!created.ok) throw new Error(JSON.stringify(created));
  const key = await db.licenseKey.findUniqueOrThrow({ where: { id: created.value.id } });
  return key;
}

describe('email key to customer', () => {
  it('queues the email with its audit event, and the worker delivers the key once', async () => {
    const key = await newKey();
    const queued = await keys.emailLicenseKey(acme.owner, key.id);
    expect(queued).toMatchObject({ ok: true, value: { to: acme.customer.email } });
    const row = await db.outboxMessage.findFirstOrThrow({ where: { subjectId: key.id } });
    expect(row).toMatchObject({ state: 'queued', kind: 'email', businessId: acme.business.id });
    expect(row.payload).not.toContain(key.key);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { objectId: key.id, action: 'license_key.emailed' },
    });
    expect(audit.summary).not.toContain(key.key);
    expect(audit.summary).toContain(key.key.slice(-4));

    expect(await drain()).toBe(1);
    const [received] = await mail.waitFor(1);
    expect(received.to).toEqual([acme.customer.email]);
    expect(received.subject).toBe(`Your license key for ${acme.product.name}`);
    expect(received.text).toContain(key.key);
    expect(received.from).toContain('keydesk@test.example');
    const preview = await keys.previewLicenseKeyEmail(acme.owner, key.id);
    expect(received.text.trim()).toBe(preview?.text.trim());

    expect(await drain()).toBe(0);
    expect(mail.messages).toHaveLength(1);
    const [listed] = await keys.listLicenseKeyEmails(acme.owner, key.id);
    expect(listed).toMatchObject({ state: 'sent', to: acme.customer.email, lastError: null });
    expect(listed.sentAt).toBeInstanceOf(Date);
  });

  it('refuses another business, and support may send (keys:reveal)', async () => {
    const key = await newKey();
    const globex = await createBusinessFixture(db, 'Globex');
    expect(await keys.emailLicenseKey(globex.owner, key.id)).toEqual({
      ok: false,
      code: 'LICENSE_KEY_NOT_FOUND',
    });
    expect(await keys.previewLicenseKeyEmail(globex.owner, key.id)).toBeNull();
    expect((await keys.emailLicenseKey(acme.support, key.id)).ok).toBe(true);
    await drain();
  });

  it('fails at once on a refused recipient, with the reason; Retry queues it again', async () => {
    const key = await newKey(`bounce-once-${Date.now()}@customer.example`);
    await keys.emailLicenseKey(acme.owner, key.id);
    await drain();
    const [failed] = await keys.listLicenseKeyEmails(acme.owner, key.id);
    expect(failed.state).toBe('failed');
    expect(failed.lastError).toMatch(/550/);
    expect(mail.messages).toHaveLength(0);

    const retried = await keys.retryLicenseKeyEmail(acme.owner, {
      id: key.id,
      messageId: failed.id,
    });
    expect(retried.ok).toBe(true);
    expect((await keys.listLicenseKeyEmails(acme.owner, key.id))[0].state).toBe('queued');
    // Only a failed email can be retried, and only through its own key.
    expect(
      await keys.retryLicenseKeyEmail(acme.owner, { id: key.id, messageId: failed.id }),
    ).toEqual({
      ok: false,
      code: 'EMAIL_NOT_FOUND',
    });
    await drain();
    await mail.waitFor(1);
    expect((await keys.listLicenseKeyEmails(acme.owner, key.id))[0].state).toBe('sent');
  });

  it('retries with backoff when the mail server cannot be reached', async () => {
    const key = await newKey();
    process.env.KEYDESK_SMTP_URL = 'smtp://127.0.0.1:1'; // nothing listens there
    await keys.emailLicenseKey(acme.owner, key.id);
    const start = new Date();
    await drain(start);
    const row = await db.outboxMessage.findFirstOrThrow({ where: { subjectId: key.id } });
    expect(row).toMatchObject({ state: 'queued', attempts: 1 });
    expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(row.nextAttemptAt.getTime()).toBe(start.getTime() + 60_000);
    const [listed] = await keys.listLicenseKeyEmails(acme.owner, key.id);
    expect(listed.retryAt?.getTime()).toBe(start.getTime() + 60_000);

    process.env.KEYDESK_SMTP_URL = `smtp://127.0.0.1:${mail.port}`;
    expect(await drain(new Date(start.getTime() + 30_000))).toBe(0); // not due yet
    expect(await drain(new Date(start.getTime() + 61_000))).toBe(1);
    await mail.waitFor(1);
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      state: 'sent',
      attempts: 2,
    });
  });

  it('retries a message whose worker died holding it once the lease runs out', async () => {
    const key = await newKey();
    await keys.emailLicenseKey(acme.owner, key.id);
    const now = new Date();
    // A worker claims it, then dies without sending.
    const claimed = await claimOutboxMessages({
      workerId: 'dead-worker',
      now,
      limit: 10,
      leaseMs: 5 * 60_000,
    });
    expect(claimed.map((m) => m.id)).toHaveLength(1);
    expect(await drain(new Date(now.getTime() + 60_000))).toBe(0); // the lease still holds
    expect(await drain(new Date(now.getTime() + 5 * 60_000 + 1))).toBe(1);
    await mail.waitFor(1);
    expect(mail.messages).toHaveLength(1);
  });
});

describe('invite email', () => {
  it('mails the link in the invite transaction and forgets it once sent', async () => {
    const address = `new.person.${Date.now()}@invitee.example`;
    const invite = await createInvite(acme.owner, { email: address, role: 'support' });
    if (!invite.ok) throw new Error(JSON.stringify(invite));
    expect(invite.value.emailed).toBe(true);
    const row = await db.outboxMessage.findFirstOrThrow({
      where: { subjectId: invite.value.inviteId },
    });
    expect(row.payload).toContain(invite.value.token);
    await drain();
    const [received] = await mail.waitFor(1);
    expect(received.to).toEqual([address]);
    expect(received.subject).toBe('You are invited to join Acme Inc. on Keydesk');
    expect(received.text).toContain(`/invite/${invite.value.token}`);
    const sent = await db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } });
    expect(sent.state).toBe('sent');
    expect(sent.payload).not.toContain(invite.value.token);
  });

  it('without SMTP configured queues nothing and says so', async () => {
    delete process.env.KEYDESK_SMTP_URL;
    const invite = await createInvite(acme.owner, {
      email: 'nomail@invitee.example',
      role: 'support',
    });
    if (!invite.ok) throw new Error(JSON.stringify(invite));
    expect(invite.value.emailed).toBe(false);
    expect(await db.outboxMessage.count({ where: { subjectId: invite.value.inviteId } })).toBe(0);
  });
});
