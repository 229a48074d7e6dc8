import { hashPassword, verifyPassword } from 'better-auth/crypto';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '@/lib/ids';
import { newRequestId } from '@/lib/log';
import { startMailServer } from '@/lib/testing/mail-server';
import { createBusinessFixture, createTestDatabase } from '@/lib/testing/test-database';

// "Forgot password?" end to end below the browser: the request queues an email, the worker sends
// it to a real SMTP server on loopback, and the link read back from it works once and only once.

const mail = await startMailServer();
process.env.KEYDESK_SMTP_URL = `smtp://127.0.0.1:${mail.port}`;
process.env.KEYDESK_URL = 'http://keydesk.test:3000';
const testDb = await createTestDatabase();
const { db } = testDb;
const reset = await import('./data-password-reset');
const { deliverDueMessages } = await import('@/lib/outbox/worker');
const { outboxHandlers } = await import('@/lib/outbox/handlers');
afterAll(async () => {
  await testDb.cleanup();
  await mail.close();
});

const acme = await createBusinessFixture(db, 'Acme');
const drain = (now?: Date) =>
  deliverDueMessages(outboxHandlers(), { workerId: 'test', now: now ? () => now : undefined });

beforeEach(() => mail.clear());

let n = 0;
async function person() {
  const email = `pat.${++n}.${Date.now()}@staff.example`;
  const user = await db.user.create({ data: { id: newId('usr'), name: `Pat ${n}`, email } });
  await db.account.create({
    data: {
      id: newId('acc'),
      userId: user.id,
      accountId: user.id,
      providerId: 'credential',
      password: await hashPassword('old-password-123'),
    },
  });
  const membership = await db.membership.create({
    data: { id: newId('mem'), businessId: acme.business.id, userId: user.id, role: 'support' },
  });
  await db.session.create({
    data: {
      id: newId('ses'),
      userId: user.id,
      token: newId('ses'),
      expiresAt: new Date(Date.now() + 3_600_000),
    },
  });
  return { user, membership, email };
}

/** The link of the newest reset email, and its token. */
async function linkFromMail(count = 1) {
  const messages = await mail.waitFor(count);
  const match = messages
    .at(-1)!
    .text.match(/http:\/\/keydesk\.test:3000\/reset-password\?token=([\w-]+)/);
  if (!match) throw new Error(`no reset link in ${messages.at(-1)!.text}`);
  return { url: match[0], token: match[1] };
}

async function password(userId: string) {
  const account = await db.account.findFirstOrThrow({
    where: { userId, providerId: 'credential' },
  });
  return account.password!;
}

describe('password reset', () => {
  it('mails a link that sets the password once, ends every session, and stores only a hash', async () => {
    const { user, email } = await person();
    expect(await reset.requestPasswordReset(email.toUpperCase())).toEqual({
      ok: true,
      value: null,
    });
    await drain();
    const [received] = await mail.waitFor(1);
    expect(received.to).toEqual([email]);
    expect(received.subject).toBe('Reset your Keydesk password');
    const { token } = await linkFromMail();
    const stored = await db.passwordReset.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.tokenHash).not.toContain(token);
    const outbox = await db.outboxMessage.findFirstOrThrow({ where: { subjectId: user.id } });
    expect(outbox.payload).not.toContain(token);
    expect(await reset.passwordResetStatus(token)).toBe('valid');

    const requestId = newRequestId();
    const done = await reset.resetPassword({ token, password: 'new-password-456', requestId });
    expect(done).toEqual({ ok: true, value: { email } });
    expect(
      await verifyPassword({ hash: await password(user.id), password: 'new-password-456' }),
    ).toBe(true);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(
      await db.auditEvent.count({
        where: { objectId: user.id, action: 'member.password_reset', requestId },
      }),
    ).toBe(1);

    // Once only.
    expect(await reset.passwordResetStatus(token)).toBe('used');
    expect(await reset.resetPassword({ token, password: 'third-password-789', requestId })).toEqual(
      {
        ok: false,
        code: 'RESET_USED',
      },
    );
    expect(
      await verifyPassword({ hash: await password(user.id), password: 'new-password-456' }),
    ).toBe(true);
  });

  it('answers the same for an unknown address and mails nothing', async () => {
    expect(await reset.requestPasswordReset('nobody@staff.example')).toEqual({
      ok: true,
      value: null,
    });
    expect(await drain()).toBe(0);
    expect(mail.messages).toHaveLength(0);
  });

  it('refuses a link after its hour', async () => {
    const { email } = await person();
    await reset.requestPasswordReset(email);
    const sentAt = new Date();
    await drain(sentAt);
    const { token } = await linkFromMail();
    const later = new Date(sentAt.getTime() + 60 * 60_000 + 1);
    expect(await reset.passwordResetStatus(token, later)).toBe('expired');
    expect(
      await reset.resetPassword({ token, password: 'new-password-456', requestId: 'r' }, later),
    ).toEqual({ ok: false, code: 'RESET_EXPIRED' });
  });

  it('lets one of two concurrent uses of a link through', async () => {
    const { user, email } = await person();
    await reset.requestPasswordReset(email);
    await drain();
    const { token } = await linkFromMail();
    const results = await Promise.all(
      ['first-password-1', 'second-password-2', 'third-password-3'].map((password) =>
        reset.resetPassword({ token, password, requestId: newRequestId() }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([
      { ok: false, code: 'RESET_USED' },
      { ok: false, code: 'RESET_USED' },
    ]);
    expect(
      await db.auditEvent.count({ where: { objectId: user.id, action: 'member.password_reset' } }),
    ).toBe(1);
  });

  it('sends at most three links an hour per account, and a used link ends the others', async () => {
    const { email } = await person();
    for (let i = 0; i < 5; i += 1) await reset.requestPasswordReset(email);
    await drain();
    await mail.waitFor(3);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mail.messages).toHaveLength(3);
    const tokens = mail.messages.map((m) => m.text.match(/token=([\w-]+)/)![1]);
    const done = await reset.resetPassword({
      token: tokens[1],
      password: 'new-password-456',
      requestId: 'r',
    });
    expect(done.ok).toBe(true);
    expect(await reset.passwordResetStatus(tokens[0])).toBe('used');
    expect(await reset.passwordResetStatus(tokens[2])).toBe('used');
  });
});
