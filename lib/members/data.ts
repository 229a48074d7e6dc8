import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, type Actor } from '@/lib/auth/authorize';
import { can, ROLE_LABELS, type MemberRole } from '@/lib/auth/permissions';
import { lockBusiness } from '@/lib/businesses/data';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { newId } from '@/lib/ids';
import { uniqueViolationFields } from '@/lib/prisma-errors';
import {
  ALREADY_A_MEMBER_MESSAGE,
  INVITE_NOT_FOUND_MESSAGE,
  INVITE_VALID_DAYS,
  LAST_OWNER_MESSAGE,
  MEMBER_NOT_FOUND_MESSAGE,
  OWNER_ONLY_MESSAGE,
  type ChangeMemberRoleInput,
  type InviteMemberFailure,
  type InviteMemberInput,
  type MemberActionResult,
} from './schema';

type Tx = Prisma.TransactionClient;

export type MemberView = {
  id: string;
  name: string;
  email: string;
  role: MemberRole;
  joinedAt: Date;
};
export type PendingInviteView = { id: string; email: string; role: MemberRole; expiresAt: Date };

/** The business's members, oldest first. */
export async function listMembers(actor: Actor): Promise<MemberView[]> {
  assertCan(actor, 'members:manage');
  const rows = await db.membership.findMany({
    where: { businessId: actor.businessId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      role: true,
      createdAt: true,
      user: { select: { name: true, email: true } },
    },
  });
  return rows.map((m) => ({ id: m.id, role: m.role, joinedAt: m.createdAt, ...m.user }));
}

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

const fail = (formError: string) => ({ ok: false as const, formError });

/** When the actor's own role changed (or they were removed) while their request was on its way. */
export const ROLE_CHANGED_MESSAGE =
  'Your role in this business has just changed. Reload the page to see what you can do now.';

/**
 * The start of every transaction that changes members or invites: locks the business
 * (lockBusiness: on both engines, and across app processes, the checks that follow are decided on
 * data no other transaction can change until this one ends), then reads the actor's role again.
 * The role in `actor` was read when the request began; an owner demoted by another owner a moment
 * ago must not go on acting as one. Returns the current role, or null when the actor may no longer
 * manage members.
 */
async function lockForMemberChange(tx: Tx, actor: Actor): Promise<MemberRole | null> {
  await lockBusiness(tx, actor.businessId);
  if (actor.type !== 'member') return null;
  const self = await tx.membership.findFirst({
    where: { id: actor.id, businessId: actor.businessId },
    select: { role: true },
  });
  return self && can(self.role, 'members:manage') ? self.role : null;
}

const OWNER_INVITE_MESSAGE = 'Only an owner can invite an owner.';

export type CreateInviteResult =
  { ok: true; inviteId: string; token: string; expiresAt: Date } | InviteMemberFailure;

/**
 * Invites an email address with a role. Replaces (revokes) a pending invite for the same address.
 * Returns the token once; only its hash is kept.
 */
export async function createInvite(
  actor: Actor,
  input: InviteMemberInput,
  now = new Date(),
): Promise<CreateInviteResult> {
  assertCan(actor, 'members:manage');
  if (input.role === 'owner' && actor.role !== 'owner') {
    return { ok: false, fieldErrors: { role: ['Only an owner can invite an owner.'] } };
  }
  const emailLower = input.email.toLowerCase();
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + INVITE_VALID_DAYS * 24 * 60 * 60 * 1000);
  return db.$transaction(async (tx): Promise<CreateInviteResult> => {
    // Locked: two concurrent invites for one address leave one pending invite, not two.
    const role = await lockForMemberChange(tx, actor);
    if (!role) return { ok: false, fieldErrors: {}, formError: ROLE_CHANGED_MESSAGE };
    if (input.role === 'owner' && role !== 'owner') {
      return { ok: false, fieldErrors: { role: [OWNER_INVITE_MESSAGE] } };
    }
    const member = await tx.membership.findFirst({
      where: { businessId: actor.businessId, user: { email: emailLower } },
      select: { id: true },
    });
    if (member) return { ok: false, fieldErrors: { email: [ALREADY_A_MEMBER_MESSAGE] } };

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
    return { ok: true, inviteId: invite.id, token, expiresAt };
  });
}

/** Revokes a pending invite of the business. Only owners revoke an invite to become an owner. */
export async function revokeInvite(
  actor: Actor,
  inviteId: string,
  now = new Date(),
): Promise<MemberActionResult> {
  assertCan(actor, 'members:manage');
  return db.$transaction(async (tx) => {
    const role = await lockForMemberChange(tx, actor);
    if (!role) return fail(ROLE_CHANGED_MESSAGE);
    const pending = { acceptedAt: null, revokedAt: null };
    const invite = await tx.invite.findFirst({
      where: { id: inviteId, businessId: actor.businessId, ...pending },
      select: { id: true, email: true, role: true },
    });
    if (!invite) return fail(INVITE_NOT_FOUND_MESSAGE);
    if (invite.role === 'owner' && role !== 'owner') return fail(OWNER_ONLY_MESSAGE);
    // Conditional: acceptInvite claims invites without the business lock, so an invite accepted a
    // moment ago is not marked revoked as well (one statement, re-checked under the row lock).
    const revoked = await tx.invite.updateMany({
      where: { id: invite.id, ...pending },
      data: { revokedAt: now },
    });
    if (revoked.count !== 1) return fail(INVITE_NOT_FOUND_MESSAGE);
    await recordAudit(tx, actor, {
      action: 'invite.revoked',
      objectType: 'invite',
      objectId: invite.id,
      summary: `Revoked the invite for ${invite.email}`,
    });
    return { ok: true, message: `The invite for ${invite.email} was revoked.` };
  });
}

function findMember(tx: Tx, businessId: string, id: string) {
  return tx.membership.findFirst({
    where: { id, businessId },
    select: { id: true, role: true, user: { select: { name: true, email: true } } },
  });
}

/**
 * Whether taking the owner role away from one owner would leave the business without one. Only
 * sound under lockForMemberChange: otherwise two owners demoting each other at once would each
 * count two owners, and both succeed.
 */
async function isLastOwner(tx: Tx, businessId: string, role: MemberRole) {
  return (
    role === 'owner' && (await tx.membership.count({ where: { businessId, role: 'owner' } })) <= 1
  );
}

/** Changes a member's role. Admins neither grant the owner role nor touch an owner. */
export async function changeMemberRole(
  actor: Actor,
  input: ChangeMemberRoleInput,
): Promise<MemberActionResult> {
  assertCan(actor, 'members:manage');
  return db.$transaction(async (tx) => {
    const role = await lockForMemberChange(tx, actor);
    if (!role) return fail(ROLE_CHANGED_MESSAGE);
    const target = await findMember(tx, actor.businessId, input.membershipId);
    if (!target) return fail(MEMBER_NOT_FOUND_MESSAGE);
    const { name } = target.user;
    if (target.role === input.role) {
      return { ok: true, message: `${name} is already ${ROLE_LABELS[input.role]}.` };
    }
    if (role !== 'owner' && (target.role === 'owner' || input.role === 'owner')) {
      return fail(OWNER_ONLY_MESSAGE);
    }
    if (await isLastOwner(tx, actor.businessId, target.role)) return fail(LAST_OWNER_MESSAGE);
    await tx.membership.update({ where: { id: target.id }, data: { role: input.role } });
    await recordAudit(tx, actor, {
      action: 'member.role_changed',
      objectType: 'member',
      objectId: target.id,
      summary: `Changed ${name}'s role from ${ROLE_LABELS[target.role]} to ${ROLE_LABELS[input.role]}`,
    });
    return { ok: true, message: `${name} is now ${ROLE_LABELS[input.role]}.` };
  });
}

/** Removes a member (or, with their own id, the actor leaves). The last owner cannot go. */
export async function removeMember(
  actor: Actor,
  membershipId: string,
): Promise<MemberActionResult> {
  assertCan(actor, 'members:manage');
  return db.$transaction(async (tx) => {
    const role = await lockForMemberChange(tx, actor);
    if (!role) return fail(ROLE_CHANGED_MESSAGE);
    const target = await findMember(tx, actor.businessId, membershipId);
    if (!target) return fail(MEMBER_NOT_FOUND_MESSAGE);
    if (role !== 'owner' && target.role === 'owner') return fail(OWNER_ONLY_MESSAGE);
    if (await isLastOwner(tx, actor.businessId, target.role)) return fail(LAST_OWNER_MESSAGE);
    await tx.membership.delete({ where: { id: target.id } });
    const { name, email } = target.user;
    const self = target.id === actor.id;
    await recordAudit(tx, actor, {
      action: 'member.removed',
      objectType: 'member',
      objectId: target.id,
      summary: self ? `${name} left the business` : `Removed ${name} (${email})`,
    });
    return { ok: true, message: self ? 'You left the business.' : `${name} was removed.` };
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

export type AcceptInviteResult =
  | { ok: true; businessId: string; membershipId: string }
  | { ok: false; reason: 'unavailable' | 'wrong-account' | 'already-member' };

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
      if (!invite || !user) return { ok: false, reason: 'unavailable' };
      if (user.email.toLowerCase() !== invite.emailLower)
        return { ok: false, reason: 'wrong-account' };

      const claimed = await tx.invite.updateMany({
        where: { id: invite.id, ...pendingAt(now) },
        data: { acceptedAt: now },
      });
      if (claimed.count !== 1) return { ok: false, reason: 'unavailable' };
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
      return { ok: true, businessId: invite.businessId, membershipId: membership.id };
    });
  } catch (error) {
    // The same membership may also be made by another request first (P2002, on PostgreSQL).
    if (error instanceof AlreadyMemberError || uniqueViolationFields(error)?.includes('userId')) {
      return { ok: false, reason: 'already-member' };
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
