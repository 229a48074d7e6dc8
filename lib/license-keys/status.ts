import type { Prisma } from '@/lib/generated/prisma/client';

export const LICENSE_KEY_STATUSES = ['active', 'expired', 'disabled'] as const;
export type LicenseKeyStatus = (typeof LICENSE_KEY_STATUSES)[number];

export const LICENSE_KEY_SOURCES = ['auto', 'import', 'manual'] as const;
export type LicenseKeySource = (typeof LICENSE_KEY_SOURCES)[number];

/**
 * The one rule for a key's status, derived at read time and never stored:
 * disabled if disabled, else expired if it expires at or before `now`, else active.
 */
export function licenseKeyStatus(
  key: { disabled: boolean; expiresAt: Date | null },
  now: Date = new Date(),
): LicenseKeyStatus {
  if (key.disabled) return 'disabled';
  if (key.expiresAt && key.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'active';
}

/** The same rule as a query condition, for lists and filters. */
export function licenseKeyStatusWhere(
  status: LicenseKeyStatus,
  now: Date = new Date(),
): Prisma.LicenseKeyWhereInput {
  switch (status) {
    case 'disabled':
      return { disabled: true };
    case 'expired':
      return { disabled: false, expiresAt: { not: null, lte: now } };
    case 'active':
      return { disabled: false, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
  }
}
