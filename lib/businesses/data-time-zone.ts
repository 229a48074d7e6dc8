import 'server-only';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, type Actor } from '@/lib/auth/authorize';
import { db } from '@/lib/db';
import { fail, ok, type Result } from '@/lib/result';
import { lockBusiness } from './data';
import type { SetBusinessTimeZoneInput } from './schema';

/** The IANA zone the actor's business's days and months follow, or null if it does not exist. */
export async function getBusinessTimeZone(actor: Actor): Promise<string | null> {
  // Whoever may see the business's keys may see which zone their days are counted in.
  assertCan(actor, 'keys:view');
  const business = await db.business.findUnique({
    where: { id: actor.businessId },
    select: { timeZone: true },
  });
  return business?.timeZone ?? null;
}

/** Whether the zone changed (false: it already was the one asked for, and nothing was written). */
export type SetBusinessTimeZoneResult = Result<{ changed: boolean }, 'BUSINESS_NOT_FOUND'>;

/**
 * Sets the zone the overview's days and months follow (whoever may rename the business). The
 * input is what setBusinessTimeZoneSchema parsed: a zone Intl knows.
 */
export async function setBusinessTimeZone(
  actor: Actor,
  input: SetBusinessTimeZoneInput,
): Promise<SetBusinessTimeZoneResult> {
  assertCan(actor, 'business:manage');
  return db.$transaction(async (tx): Promise<SetBusinessTimeZoneResult> => {
    // Locked first, so that the audit's "from" is the zone this change replaced.
    await lockBusiness(tx, actor.businessId);
    const business = await tx.business.findUnique({
      where: { id: actor.businessId },
      select: { timeZone: true },
    });
    if (!business) return fail('BUSINESS_NOT_FOUND');
    if (business.timeZone === input.timeZone) return ok({ changed: false });
    await tx.business.update({
      where: { id: actor.businessId },
      data: { timeZone: input.timeZone },
    });
    await recordAudit(tx, actor, {
      action: 'business.time_zone_changed',
      objectType: 'business',
      objectId: actor.businessId,
      summary: `Changed the time zone from ${business.timeZone} to ${input.timeZone}`,
    });
    return ok({ changed: true });
  });
}
