import 'server-only';
import type { Actor } from '@/lib/auth/authorize';
import { can, type MemberRole } from '@/lib/auth/permissions';
import { lockBusiness } from '@/lib/businesses/data';
import type { Prisma } from '@/lib/generated/prisma/client';

export type Tx = Prisma.TransactionClient;

/**
 * The start of every transaction that changes members or invites: locks the business
 * (lockBusiness: on both engines, and across app processes, the checks that follow are decided on
 * data no other transaction can change until this one ends), then reads the actor's role again.
 * The role in `actor` was read when the request began; an owner demoted by another owner a moment
 * ago must not go on acting as one. Returns the current role, or null when the actor may no longer
 * manage members (the caller answers 'ROLE_CHANGED').
 */
export async function lockForMemberChange(tx: Tx, actor: Actor): Promise<MemberRole | null> {
  await lockBusiness(tx, actor.businessId);
  if (actor.type !== 'member') return null;
  const self = await tx.membership.findFirst({
    where: { id: actor.id, businessId: actor.businessId },
    select: { role: true },
  });
  return self && can(self.role, 'members:manage') ? self.role : null;
}
