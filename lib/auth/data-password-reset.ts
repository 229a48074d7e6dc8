import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import { recordAudit } from '@/lib/audit/record';
import { db } from '@/lib/db';
import { EMAIL_KIND, type EmailPayload } from '@/lib/email/payload';
import { passwordResetEmail, type EmailContent } from '@/lib/email/templates';
import { emailConfigured } from '@/lib/email/transport';
import { readEnv } from '@/lib/env';
import { newId } from '@/lib/ids';
import { enqueueOutboxMessage } from '@/lib/outbox/data';
import { PermanentDeliveryError } from '@/lib/outbox/errors';
import { wakeOutbox } from '@/lib/outbox/wake';
import { fail, ok, type Result } from '@/lib/result';
import type { Actor } from './authorize';
import { replacePassword } from './data-passwords';
import { forgetCachedSessions } from './session-cache';
import { PASSWORD_RESET_VALID_MINUTES } from './schema';

// "Forgot password?": a request queues an email (outbox, one transaction); the worker makes the
// link's token when it sends it and stores only its SHA-256, so no working link is ever at rest in
// the database; the link works once, for an hour from then, and setting the password through it
// ends every session of the person.

/** At most this many reset emails per account per hour; more requests are answered the same way. */
export const RESET_REQUESTS_PER_HOUR = 3;
const HOUR_MS = 60 * 60_000;

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Asks for a reset link for `email`. Answers the same whether or not an account has that address
 * (no account enumeration): the caller says "if an account exists, a link is on its way".
 */
export async function requestPasswordReset(
  email: string,
  now = new Date(),
): Promise<Result<null, 'EMAIL_NOT_CONFIGURED'>> {
  if (!emailConfigured()) return fail('EMAIL_NOT_CONFIGURED');
  const emailLower = email.trim().toLowerCase();
  const user = await db.user.findUnique({ where: { email: emailLower }, select: { id: true } });
  if (!user) return ok(null);
  const queued = await db.$transaction(async (tx) => {
    // Counted inside the transaction that adds one: on SQLite one writer at a time; on PostgreSQL
    // two requests at the very same moment may both pass, which only sends one more email.
    const recent = await tx.passwordReset.count({
      where: { userId: user.id, createdAt: { gt: new Date(now.getTime() - HOUR_MS) } },
    });
    if (recent >= RESET_REQUESTS_PER_HOUR) return false;
    const reset = await tx.passwordReset.create({
      data: { id: newId('pwr'), userId: user.id, createdAt: now },
      select: { id: true },
    });
    const payload: EmailPayload = {
      template: 'password_reset',
      to: emailLower,
      passwordResetId: reset.id,
    };
    await enqueueOutboxMessage(
      tx,
      { kind: EMAIL_KIND, businessId: null, subject: { type: 'user', id: user.id }, payload },
      now,
    );
    return true;
  });
  if (queued) wakeOutbox();
  return ok(null);
}

/**
 * The worker's renderer of template "password_reset": makes the link's token now, keeps only its
 * hash, and starts the hour. A retry makes a new token (the link of an earlier attempt, should it
 * have arrived after all, stops working). A reset used or replaced meanwhile is not mailed.
 */
export async function renderPasswordResetEmail(
  payload: Extract<EmailPayload, { template: 'password_reset' }>,
  message: { now: Date },
): Promise<EmailContent> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(message.now.getTime() + PASSWORD_RESET_VALID_MINUTES * 60_000);
  const { count } = await db.passwordReset.updateMany({
    where: { id: payload.passwordResetId, usedAt: null },
    data: { tokenHash: hashToken(token), expiresAt },
  });
  const reset = await db.passwordReset.findUnique({
    where: { id: payload.passwordResetId },
    select: { user: { select: { name: true } } },
  });
  if (count !== 1 || !reset)
    throw new PermanentDeliveryError('The password reset was already used');
  const url = new URL('/reset-password', readEnv().publicUrl);
  url.searchParams.set('token', token);
  return passwordResetEmail({
    name: reset.user.name,
    resetUrl: url.toString(),
    validMinutes: PASSWORD_RESET_VALID_MINUTES,
  });
}

export type PasswordResetStatus = 'valid' | 'expired' | 'used' | 'unknown';

/** What a reset link leads to, for the reset page. */
export async function passwordResetStatus(
  token: string,
  now = new Date(),
): Promise<PasswordResetStatus> {
  const reset = await db.passwordReset.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { usedAt: true, expiresAt: true },
  });
  return statusOf(reset, now);
}

function statusOf(
  reset: { usedAt: Date | null; expiresAt: Date | null } | null,
  now: Date,
): PasswordResetStatus {
  if (!reset) return 'unknown';
  if (reset.usedAt) return 'used';
  return reset.expiresAt && reset.expiresAt > now ? 'valid' : 'expired';
}

export type ResetPasswordFailure = 'RESET_USED' | 'RESET_EXPIRED' | 'RESET_NOT_FOUND';

/**
 * Sets a new password through a reset link, once: the link is claimed by one conditional update
 * (unused, not expired), so of two concurrent uses exactly one changes a row. Then the same path
 * as `user set-password`: new hash, every session ended, a sign-in lock lifted; the person's other
 * open reset links stop working; each of their businesses records it.
 */
export async function resetPassword(
  input: { token: string; password: string; requestId: string },
  now = new Date(),
): Promise<Result<{ email: string }, ResetPasswordFailure>> {
  const tokenHash = hashToken(input.token);
  const hash = await hashPassword(input.password);
  let userId: string | undefined;
  const result = await db.$transaction(async (tx) => {
    const claimed = await tx.passwordReset.updateMany({
      where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    const reset = await tx.passwordReset.findUnique({
      where: { tokenHash },
      select: {
        usedAt: true,
        expiresAt: true,
        user: {
          select: {
            id: true,
            name: true,
            email: true,
            memberships: { select: { id: true, businessId: true, role: true } },
          },
        },
      },
    });
    if (claimed.count !== 1 || !reset) {
      const status = statusOf(reset, now);
      return fail(
        status === 'used'
          ? 'RESET_USED'
          : status === 'expired'
            ? 'RESET_EXPIRED'
            : 'RESET_NOT_FOUND',
      );
    }
    const { user } = reset;
    userId = user.id;
    const emailLower = user.email.toLowerCase();
    await replacePassword(tx, { id: user.id, emailLower }, hash);
    await tx.passwordReset.updateMany({
      where: { userId: user.id, usedAt: null },
      data: { usedAt: now },
    });
    for (const membership of user.memberships) {
      const actor: Actor = {
        businessId: membership.businessId,
        type: 'member',
        id: membership.id,
        name: user.name,
        role: membership.role,
        requestId: input.requestId,
      };
      await recordAudit(tx, actor, {
        action: 'member.password_reset',
        objectType: 'user',
        objectId: user.id,
        summary: `${user.name} <${emailLower}> reset their password by email; every session ended`,
      });
    }
    return ok({ email: emailLower });
  });
  // Committed: this process stops trusting the sessions it had cached (the others within the bound).
  if (result.ok && userId) forgetCachedSessions.of(userId);
  return result;
}
