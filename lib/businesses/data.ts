import 'server-only';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, type Actor } from '@/lib/auth/authorize';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import {
  NEW_OWNER_NOT_FOUND_MESSAGE,
  NOT_AN_OWNER_MESSAGE,
  type RenameBusinessInput,
  type RenameBusinessResult,
  type TransferOwnershipInput,
  type TransferOwnershipResult,
} from './schema';

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

/** The business's display name, or null if it does not exist. */
export async function getBusinessName(businessId: string): Promise<string | null> {
  const business = await db.business.findUnique({
    where: { id: businessId },
    select: { name: true },
  });
  return business?.name ?? null;
}

/** Renames the actor's business (owners only). */
export async function renameBusiness(
  actor: Actor,
  input: RenameBusinessInput,
): Promise<RenameBusinessResult> {
  assertCan(actor, 'business:manage');
  return db.$transaction(async (tx): Promise<RenameBusinessResult> => {
    // Locked first, so that the audit's "from" is the name this rename replaced.
    await lockBusiness(tx, actor.businessId);
    const business = await tx.business.findUnique({
      where: { id: actor.businessId },
      select: { name: true },
    });
    if (!business) return { ok: false, fieldErrors: {}, formError: 'The business was not found.' };
    if (business.name === input.name) return { ok: true, message: 'The name is unchanged.' };
    await tx.business.update({ where: { id: actor.businessId }, data: { name: input.name } });
    await recordAudit(tx, actor, {
      action: 'business.renamed',
      objectType: 'business',
      objectId: actor.businessId,
      summary: `Renamed the business from "${business.name}" to "${input.name}"`,
    });
    return { ok: true, message: 'Name saved.' };
  });
}

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
  return db.$transaction(async (tx): Promise<TransferOwnershipResult> => {
    await lockBusiness(tx, actor.businessId);
    const where = { businessId: actor.businessId };
    const target = await tx.membership.findFirst({
      where: { ...where, id: input.membershipId },
      select: { id: true, user: { select: { name: true } } },
    });
    if (!target) {
      return { ok: false, fieldErrors: { membershipId: [NEW_OWNER_NOT_FOUND_MESSAGE] } };
    }
    if (target.id === actor.id) {
      return { ok: false, fieldErrors: { membershipId: ['Choose another member than yourself.'] } };
    }
    const self = await tx.membership.findFirst({
      where: { ...where, id: actor.id, role: 'owner' },
      select: { id: true },
    });
    if (!self) return { ok: false, fieldErrors: {}, formError: NOT_AN_OWNER_MESSAGE };

    await tx.membership.update({ where: { id: target.id }, data: { role: 'owner' } });
    await tx.membership.update({ where: { id: self.id }, data: { role: 'admin' } });
    await recordAudit(tx, actor, {
      action: 'business.ownership_transferred',
      objectType: 'business',
      objectId: actor.businessId,
      summary: `Transferred ownership to ${target.user.name}; ${actor.name} is now an admin`,
    });
    return {
      ok: true,
      message: `${target.user.name} is now an owner of the business, and you are an admin.`,
    };
  });
}
