import 'server-only';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, type Actor } from '@/lib/auth/authorize';
import { ROLE_LABELS, type MemberRole } from '@/lib/auth/permissions';
import { forgetCachedSessions } from '@/lib/auth/session-cache';
import { db } from '@/lib/db';
import { fail, ok, type Result } from '@/lib/result';
import type { ChangeMemberRoleInput, MemberView } from './schema';
import { lockForMemberChange, type Tx } from './shared';

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

/** Why a member's role was not changed, or the member not removed. */
export type MemberChangeFailure = 'ROLE_CHANGED' | 'MEMBER_NOT_FOUND' | 'OWNER_ONLY' | 'LAST_OWNER';

/** The member whose role was asked for, and whether it changed (false: they already had it). */
export type RoleChange = { name: string; role: MemberRole; changed: boolean };
type RoleChangeResult = Result<RoleChange, MemberChangeFailure>;

/** Changes a member's role. Admins neither grant the owner role nor touch an owner. */
export async function changeMemberRole(
  actor: Actor,
  input: ChangeMemberRoleInput,
): Promise<RoleChangeResult> {
  assertCan(actor, 'members:manage');
  const result = await db.$transaction(async (tx): Promise<RoleChangeResult> => {
    const role = await lockForMemberChange(tx, actor);
    if (!role) return fail('ROLE_CHANGED');
    const target = await findMember(tx, actor.businessId, input.membershipId);
    if (!target) return fail('MEMBER_NOT_FOUND');
    const { name } = target.user;
    if (target.role === input.role) return ok({ name, role: input.role, changed: false });
    if (role !== 'owner' && (target.role === 'owner' || input.role === 'owner')) {
      return fail('OWNER_ONLY');
    }
    if (await isLastOwner(tx, actor.businessId, target.role)) return fail('LAST_OWNER');
    await tx.membership.update({ where: { id: target.id }, data: { role: input.role } });
    await recordAudit(tx, actor, {
      action: 'member.role_changed',
      objectType: 'member',
      objectId: target.id,
      summary: `Changed ${name}'s role from ${ROLE_LABELS[target.role]} to ${ROLE_LABELS[input.role]}`,
    });
    return ok({ name, role: input.role, changed: true });
  });
  // Committed: the member's next request in this process has the new role (session-cache.ts).
  if (result.ok && result.value.changed) forgetCachedSessions.of(input.membershipId);
  return result;
}

/** The member who was removed; `left` when it was the actor themselves. */
export type RemovedMember = { name: string; left: boolean };
type RemovalResult = Result<RemovedMember, MemberChangeFailure>;

/** Removes a member (or, with their own id, the actor leaves). The last owner cannot go. */
export async function removeMember(actor: Actor, membershipId: string): Promise<RemovalResult> {
  assertCan(actor, 'members:manage');
  const result = await db.$transaction(async (tx): Promise<RemovalResult> => {
    const role = await lockForMemberChange(tx, actor);
    if (!role) return fail('ROLE_CHANGED');
    const target = await findMember(tx, actor.businessId, membershipId);
    if (!target) return fail('MEMBER_NOT_FOUND');
    if (role !== 'owner' && target.role === 'owner') return fail('OWNER_ONLY');
    if (await isLastOwner(tx, actor.businessId, target.role)) return fail('LAST_OWNER');
    await tx.membership.delete({ where: { id: target.id } });
    const { name, email } = target.user;
    const self = target.id === actor.id;
    await recordAudit(tx, actor, {
      action: 'member.removed',
      objectType: 'member',
      objectId: target.id,
      summary: self ? `${name} left the business` : `Removed ${name} (${email})`,
    });
    return ok({ name, left: self });
  });
  // Committed: the person's next request in this process is refused (session-cache.ts).
  if (result.ok) forgetCachedSessions.of(membershipId);
  return result;
}

export type { MemberView } from './schema';
