import 'server-only';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, type Actor } from '@/lib/auth/authorize';
import { forgetCachedSessions } from '@/lib/auth/session-cache';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { fail, ok, type Result } from '@/lib/result';
import type { RenameBusinessInput, TransferOwnershipInput } from './schema';

/**
 * Makes the rest of the transaction the only one working on this business's members, API keys and
 * name, on both engines and across app processes; returns false when the business does not exist.
 * It must be the transaction's first statement: a write that changes nothing but takes the
 * business's row lock (PostgreSQL: held until commit or rollback; another transaction's UPDATE of
 * the row waits for it, then carries on with fresh reads, READ COMMITTED) or, on SQLite, the
 * database's write lock (a transaction that starts with a write waits for other connections'
 * writers instead of reading data that is stale by the time it writes).
 *
 * Checks that read before they write (at least one owner remains, API key names are unique, one
 * pending invite per address) are then decided on data nobody else can change in between. The lock
 * is an UPDATE and not `SELECT … FOR UPDATE`: SQLite has no FOR UPDATE, and on PostgreSQL an UPDATE
 * of a non-key column takes FOR NO KEY UPDATE, which does not wait on (or block) the foreign-key
 * checks of license keys, customers and products being written for the business meanwhile.
 */
export async function lockBusiness(tx: Prisma.TransactionClient, businessId: string) {
  const rows =
    await tx.$executeRaw`UPDATE "Business" SET "name" = "name" WHERE "id" = ${businessId}`;
  return rows === 1;
}

/** The display name of the actor's business, or null if it does not exist. */
export async function getBusinessName(actor: Actor): Promise<string | null> {
  // Every staff member, API key and the operator may see which business they act in.
  assertCan(actor, 'keys:view');
  const business = await db.business.findUnique({
    where: { id: actor.businessId },
    select: { name: true },
  });
  return business?.name ?? null;
}

/** Whether the name changed (false: it already was the one asked for, and nothing was written). */
export type RenameBusinessResult = Result<{ changed: boolean }, 'BUSINESS_NOT_FOUND'>;

/** Renames the actor's business (owners only). */
export async function renameBusiness(
  actor: Actor,
  input: RenameBusinessInput,
): Promise<RenameBusinessResult> {
  assertCan(actor, 'business:manage');
  const result = await db.$transaction(async (tx): Promise<RenameBusinessResult> => {
    // Locked first, so that the audit's "from" is the name this rename replaced.
    await lockBusiness(tx, actor.businessId);
    const business = await tx.business.findUnique({
      where: { id: actor.businessId },
      select: { name: true },
    });
    if (!business) return fail('BUSINESS_NOT_FOUND');
    if (business.name === input.name) return ok({ changed: false });
    await tx.business.update({ where: { id: actor.businessId }, data: { name: input.name } });
    await recordAudit(tx, actor, {
      action: 'business.renamed',
      objectType: 'business',
      objectId: actor.businessId,
      summary: `Renamed the business from "${business.name}" to "${input.name}"`,
    });
    return ok({ changed: true });
  });
  // Committed: its members' next requests in this process show the new name (session-cache.ts).
  if (result.ok && result.value.changed) forgetCachedSessions.of(actor.businessId);
  return result;
}

/** The member who is an owner now. */
export type TransferOwnershipResult = Result<
  { newOwner: { id: string; name: string } },
  'NEW_OWNER_NOT_FOUND' | 'CANNOT_TRANSFER_TO_SELF' | 'NOT_AN_OWNER'
>;

/**
 * Hands the business to another member: they become an owner and the actor an admin, in one
 * transaction. The actor's own membership is read again inside it, so a demoted owner cannot; the
 * business is locked first (lockBusiness), so that no concurrent demotion or transfer slips in
 * between that read and the writes.
 */
export async function transferOwnership(
  actor: Actor,
  input: TransferOwnershipInput,
): Promise<TransferOwnershipResult> {
  assertCan(actor, 'business:manage');
  const result = await db.$transaction(async (tx): Promise<TransferOwnershipResult> => {
    await lockBusiness(tx, actor.businessId);
    const where = { businessId: actor.businessId };
    const target = await tx.membership.findFirst({
      where: { ...where, id: input.membershipId },
      select: { id: true, user: { select: { name: true } } },
    });
    if (!target) return fail('NEW_OWNER_NOT_FOUND');
    if (target.id === actor.id) return fail('CANNOT_TRANSFER_TO_SELF');
    const self = await tx.membership.findFirst({
      where: { ...where, id: actor.id, role: 'owner' },
      select: { id: true },
    });
    if (!self) return fail('NOT_AN_OWNER');

    await tx.membership.update({ where: { id: target.id }, data: { role: 'owner' } });
    await tx.membership.update({ where: { id: self.id }, data: { role: 'admin' } });
    await recordAudit(tx, actor, {
      action: 'business.ownership_transferred',
      objectType: 'business',
      objectId: actor.businessId,
      summary: `Transferred ownership to ${target.user.name}; ${actor.name} is now an admin`,
    });
    return ok({ newOwner: { id: target.id, name: target.user.name } });
  });
  // Committed: both people's next requests in this process have their new roles (session-cache.ts).
  if (result.ok) forgetCachedSessions.of(actor.businessId);
  return result;
}
