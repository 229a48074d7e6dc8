import 'server-only';
import { assertCan, type Actor } from '@/lib/auth/authorize';
import { db } from '@/lib/db';
import { keyLifetimeColumns } from '@/lib/products/rows';
import { fail, type Result } from '@/lib/result';
import { updateLicenseKey, type UpdateLicenseKeyCode } from './data';
import type { LicenseKey } from './data-read';
import { renewedExpiry } from './renewal';

export type RenewLicenseKeyCode = UpdateLicenseKeyCode | 'NEVER_EXPIRES' | 'NO_KEY_LIFETIME';

/**
 * Renews a key of the actor's business by its product's key lifetime, from the later of `now` and
 * its current expiry (see renewedExpiry). The new expiry is computed here from the stored key and
 * product, never taken from a caller; the change goes through updateLicenseKey, so it is audited
 * as license_key.expiry_changed with the old and the new expiry. A key that never expires
 * (NEVER_EXPIRES) or whose product has no lifetime (NO_KEY_LIFETIME) is not renewed.
 *
 * Two renewals at the same moment may both start from the same expiry: the key is then renewed
 * once, not twice (the second changes nothing), which is the safer way to be wrong.
 */
export async function renewLicenseKey(
  actor: Actor,
  id: string,
  now = new Date(),
): Promise<Result<LicenseKey, RenewLicenseKeyCode>> {
  assertCan(actor, 'keys:edit');
  const key = await db.licenseKey.findFirst({
    where: { id, businessId: actor.businessId },
    select: {
      expiresAt: true,
      product: { select: { licenseKeyDurationCount: true, licenseKeyDurationInterval: true } },
    },
  });
  if (!key) return fail('LICENSE_KEY_NOT_FOUND');
  if (!key.expiresAt) return fail('NEVER_EXPIRES');
  const lifetime = keyLifetimeColumns(key.product);
  if (!lifetime) return fail('NO_KEY_LIFETIME');
  const expiresAt = renewedExpiry(key.expiresAt, lifetime, now);
  return updateLicenseKey(actor, id, { expiresAt: expiresAt.toISOString() });
}
