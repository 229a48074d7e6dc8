import type { Prisma } from '@/lib/generated/prisma/client';
import type { LicenseKeyStatus } from './status';

/** The status rule of ./status.ts as a query condition. */
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
