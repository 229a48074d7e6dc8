import 'server-only';
import { hashPassword } from 'better-auth/crypto';
import { recordAudit } from '@/lib/audit/record';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { newId } from '@/lib/ids';
import { fail, ok, type Result } from '@/lib/result';
import { operatorActor } from './authorize';
import { forgetCachedSessions } from './session-cache';

export type PasswordSet = { name: string; email: string; sessionsEnded: number };

/**
 * The operator sets a staff member's password (the command line's `user set-password`): the new
 * hash replaces the old one (or becomes the person's first password sign-in), every session of
 * theirs ends, a sign-in lock on the address is lifted, and each of their businesses records it.
 * One transaction. The password's length is checked by the caller (PASSWORD_LENGTH).
 */
export async function setPasswordAsOperator(
  email: string,
  password: string,
  requestId: string,
): Promise<Result<PasswordSet, 'USER_NOT_FOUND'>> {
  const emailLower = email.trim().toLowerCase();
  const user = await db.user.findUnique({
    where: { email: emailLower },
    select: { id: true, name: true, memberships: { select: { businessId: true } } },
  });
  if (!user) return fail('USER_NOT_FOUND');
  const hash = await hashPassword(password);
  const done = await db.$transaction(async (tx) => {
    const sessionsEnded = await replacePassword(tx, { id: user.id, emailLower }, hash);
    for (const { businessId } of user.memberships) {
      await recordAudit(tx, operatorActor(businessId, requestId), {
        action: 'member.password_set',
        objectType: 'user',
        objectId: user.id,
        summary: `Set a new password for ${user.name} <${emailLower}> and signed them out`,
      });
    }
    return ok({ name: user.name, email: emailLower, sessionsEnded });
  });
  forgetCachedSessions.of(user.id);
  return done;
}

/**
 * Inside the caller's transaction: `hash` becomes the person's password (or their first password
 * sign-in), every session of theirs ends and a sign-in lock on the address is lifted. Shared by the
 * operator's `user set-password` and "Forgot password?". Returns how many sessions ended. The
 * caller forgets the person's cached sessions once the transaction committed (session-cache.ts).
 */
export async function replacePassword(
  tx: Prisma.TransactionClient,
  user: { id: string; emailLower: string },
  hash: string,
): Promise<number> {
  const updated = await tx.account.updateMany({
    where: { userId: user.id, providerId: 'credential' },
    data: { password: hash },
  });
  if (updated.count === 0) {
    // Someone without a password sign-in yet: give them one, in better-auth's shape.
    await tx.account.create({
      data: {
        id: newId('acc'),
        accountId: user.id,
        providerId: 'credential',
        userId: user.id,
        password: hash,
      },
    });
  }
  const sessions = await tx.session.deleteMany({ where: { userId: user.id } });
  await tx.signInThrottle.deleteMany({ where: { emailLower: user.emailLower } });
  return sessions.count;
}
