import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, type Actor } from '@/lib/auth/authorize';
import { ROLE_LABELS, type MemberRole } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { emailConfigured } from '@/lib/email/transport';
import { newId } from '@/lib/ids';
import { wakeOutbox } from '@/lib/outbox/wake';
import { uniqueViolationFields } from '@/lib/prisma-errors';
import { fail, ok, type Result } from '@/lib/result';
import { queueInviteEmail } from './data-invite-email';
import { INVITE_VALID_DAYS, type InviteMemberInput, type PendingInviteView } from './schema';
import { lockForMemberChange } from './shared';

/** Invites of the business that can still be accepted, newest first. */
export async function listPendingInvites(
  actor: Actor,
  now = new Date(),
): Promise<PendingInviteView[]> {
  assertCan(actor, 'members:manage');
  return db.invite.findMany({
    where: { businessId: actor.businessId, ...pendingAt(now) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { id: true, email: true, role: true, expiresAt: true },
  });
}

/** Only the SHA-256 of an invite token is stored: a database leak gives away no working link. */
export function hashInviteToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function pendingAt(now: Date) {
  return { acceptedAt: null, revokedAt: null, expiresAt: { gt: now } };
}

/**
 * A new invite: the token travels in this answer once; only its hash is kept. `emailed`: the
 * invite email to the address is queued (email is configured).
 */
export type NewInvite = { inviteId: string; token: string; expiresAt: Date; emailed: boolean };

export type CreateInviteResult = Result<
  NewInvite,
  'ROLE_CHANGED' | 'OWNER_INVITE_OWNER_ONLY' | 'ALREADY_A_MEMBER'
>;

/**
 * Invites an email address with a role. Replaces (revokes) a pending invite for the same address.
 * Returns the token once; only its hash is kept. With email configured, the invite email is queued
 * in the same transaction (its payload holds the link until it is sent, then loses it).
 */
export async function createInvite(
  actor: Actor,
  input: InviteMemberInput,
  now = new Date(),
): Promise<CreateInviteResult> {
  assertCan(actor, 'members:manage');
  if (input.role === 'owner' && actor.role !== 'owner') return fail('OWNER_INVITE_OWNER_ONLY');
  const emailLower = input.email.toLowerCase();
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + INVITE_VALID_DAYS * 24 * 60 * 60 * 1000);
  const emailed = emailConfigured();
  const result = await db.$transaction(async (tx): Promise<CreateInviteResult> => {
    // Locked: two concurrent invites for one address leave one pending invite, not two.
    const role = await lockForMemberChange(tx, actor);
    if (!role) return fail('ROLE_CHANGED');
    if (input.role === 'owner' && role !== 'owner') return fail('OWNER_INVITE_OWNER_ONLY');
    const member = await tx.membership.findFirst({
      where: { businessId: actor.businessId, user: { email: emailLower } },
      select: { id: true },
    });
    if (member) return fail('ALREADY_A_MEMBER');

    const replaced = await tx.invite.findMany({
      where: { businessId: actor.businessId, emailLower, ...pendingAt(now) },
      select: { id: true, email: true },
    });
    for (const old of replaced) {
      // Conditional: an invite accepted meanwhile (acceptInvite does not lock) stays accepted.
      const revoked = await tx.invite.updateMany({
        where: { id: old.id, acceptedAt: null, revokedAt: null },
        data: { revokedAt: now },
      });
      if (revoked.count !== 1) continue;
      await recordAudit(tx, actor, {
        action: 'invite.revoked',
        objectType: 'invite',
        objectId: old.id,
        summary: `Replaced the invite for ${old.email} with a new one`,
      });
    }
    const invite = await tx.invite.create({
      data: {
        id: newId('inv'),
        businessId: actor.businessId,
        email: input.email,
        emailLower,
        role: input.role,
        tokenHash: hashInviteToken(token),
        invitedByMemberId: actor.id,
        createdAt: now,
        expiresAt,
      },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: 'member.invited',
      objectType: 'invite',
      objectId: invite.id,
      summary: `Invited ${input.email} as ${ROLE_LABELS[input.role]}`,
    });
    if (emailed)
      await queueInviteEmail(tx, actor, { id: invite.id, email: input.email, token }, now);
    return ok({ inviteId: invite.id, token, expiresAt, emailed });
  });
  if (result.ok && emailed) wakeOutbox();
  return result;
}

export type RevokeInviteResult = Result<
  { email: string },
  'ROLE_CHANGED' | 'INVITE_NOT_FOUND' | 'OWNER_ONLY'
>;

/**
 * Revokes a pending invite of the business, and answers the address it was for. Only owners
 * revoke an invite to become an owner.
 */
export async function revokeInvite(
  actor: Actor,
  inviteId: string,
  now = new Date(),
): Promise<RevokeInviteResult> {
  assertCan(actor, 'members:manage');
  return db.$transaction(async (tx): Promise<RevokeInviteResult> => {
    const role = await lockForMemberChange(tx, actor);
    if (!role) return fail('ROLE_CHANGED');
    const pending = { acceptedAt: null, revokedAt: null };
    const invite = await tx.invite.findFirst({
      where: { id: inviteId, businessId: actor.businessId, ...pending },
      select: { id: true, email: true, role: true },
    });
    if (!invite) return fail('INVITE_NOT_FOUND');
    if (invite.role === 'owner' && role !== 'owner') return fail('OWNER_ONLY');
    // Conditional: acceptInvite claims invites without the business lock, so an invite accepted a
    // moment ago is not marked revoked as well (one statement, re-checked under the row lock).
    const revoked = await tx.invite.updateMany({
      where: { id: invite.id, ...pending },
      data: { revokedAt: now },
    });
    if (revoked.count !== 1) return fail('INVITE_NOT_FOUND');
    await recordAudit(tx, actor, {
      action: 'invite.revoked',
      objectType: 'invite',
      objectId: invite.id,
      summary: `Revoked the invite for ${invite.email}`,
    });
    return ok({ email: invite.email });
  });
}

export type InviteStatus = 'pending' | 'expired' | 'used' | 'revoked';
export type InviteView = {
  businessName: string;
  email: string;
  role: MemberRole;
  expiresAt: Date;
  status: InviteStatus;
  /** Whether someone already has an account with the invited address. */
  accountExists: boolean;
};

/** What an invite link leads to, for the public invite page; null when the token matches nothing. */
export async function findInvite(token: string, now = new Date()): Promise<InviteView | null> {
  const invite = await db.invite.findUnique({
    where: { tokenHash: hashInviteToken(token) },
    select: {
      email: true,
      emailLower: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      business: { select: { name: true } },
    },
  });
  if (!invite) return null;
  const status: InviteStatus = invite.acceptedAt
    ? 'used'
    : invite.revokedAt
      ? 'revoked'
      : invite.expiresAt <= now
        ? 'expired'
        : 'pending';
  const account = await db.user.findUnique({
    where: { email: invite.emailLower },
    select: { id: true },
  });
  const { email, role, expiresAt } = invite;
  return {
    businessName: invite.business.name,
    email,
    role,
    expiresAt,
    status,
    accountExists: !!account,
  };
}

/**
 * INVITE_UNAVAILABLE: no such invite (or user), or it has expired, was revoked or used;
 * INVITE_WRONG_ACCOUNT: the user's address is not the invited one; ALREADY_JOINED: the user is a
 * member of the business already.
 */
export type AcceptInviteResult = Result<
  { businessId: string; membershipId: string },
  'INVITE_UNAVAILABLE' | 'INVITE_WRONG_ACCOUNT' | 'ALREADY_JOINED'
>;

/**
 * Makes the user a member with the invite's role, once. The invite is claimed by one conditional
 * update (still pending, not expired): of two concurrent accepts, exactly one changes a row.
 */
export async function acceptInvite(
  input: { token: string; userId: string; requestId: string },
  now = new Date(),
): Promise<AcceptInviteResult> {
  const tokenHash = hashInviteToken(input.token);
  try {
    return await db.$transaction(async (tx): Promise<AcceptInviteResult> => {
      const invite = await tx.invite.findUnique({
        where: { tokenHash },
        select: { id: true, businessId: true, emailLower: true, role: true },
      });
      const user = await tx.user.findUnique({
        where: { id: input.userId },
        select: { id: true, name: true, email: true },
      });
      if (!invite || !user) return fail('INVITE_UNAVAILABLE');
      if (user.email.toLowerCase() !== invite.emailLower) return fail('INVITE_WRONG_ACCOUNT');

      const claimed = await tx.invite.updateMany({
        where: { id: invite.id, ...pendingAt(now) },
        data: { acceptedAt: now },
      });
      if (claimed.count !== 1) return fail('INVITE_UNAVAILABLE');
      const existing = await tx.membership.findUnique({
        where: { businessId_userId: { businessId: invite.businessId, userId: user.id } },
        select: { id: true },
      });
      if (existing) throw new AlreadyMemberError(); // rolls the claim back: the invite stays usable
      const membership = await tx.membership.create({
        data: {
          id: newId('mem'),
          businessId: invite.businessId,
          userId: user.id,
          role: invite.role,
        },
        select: { id: true },
      });
      const actor: Actor = {
        businessId: invite.businessId,
        type: 'member',
        id: membership.id,
        name: user.name,
        role: invite.role,
        requestId: input.requestId,
      };
      await recordAudit(tx, actor, {
        action: 'member.joined',
        objectType: 'member',
        objectId: membership.id,
        summary: `${user.name} (${user.email}) joined as ${ROLE_LABELS[invite.role]}`,
      });
      return ok({ businessId: invite.businessId, membershipId: membership.id });
    });
  } catch (error) {
    // The same membership may also be made by another request first (P2002, on PostgreSQL).
    if (error instanceof AlreadyMemberError || uniqueViolationFields(error)?.includes('userId')) {
      return fail('ALREADY_JOINED');
    }
    throw error;
  }
}

class AlreadyMemberError extends Error {}

/**
 * Deletes an account that an invite sign-up has just created when the invite could not be
 * accepted after all, so that no account without a business is left behind. Never touches a member.
 */
export async function deleteAccountWithoutMemberships(userId: string): Promise<void> {
  await db.user.deleteMany({ where: { id: userId, memberships: { none: {} } } });
}

export type { PendingInviteView } from './schema';
