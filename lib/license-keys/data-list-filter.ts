import type { Engine } from '@/lib/database/url';
import { Prisma } from '@/lib/generated/prisma/client';
import type { LicenseKeyFilter } from './list';

// The key list's filter as SQL conditions, for both engines (data-list-query.ts builds the rest).
// Pure: no database access.

const DAY = 24 * 60 * 60 * 1000;

/** The filter as conditions on `k`, the key row; the search is not among them (matchingKeyRows). */
export function filterConditions(
  engine: Engine,
  businessId: string,
  filter: LicenseKeyFilter,
  now: Date,
): Prisma.Sql[] {
  const conditions = [Prisma.sql`k."businessId" = ${businessId}`];
  if (filter.customerId) conditions.push(Prisma.sql`k."customerId" = ${filter.customerId}`);
  if (filter.productId) conditions.push(Prisma.sql`k."productId" = ${filter.productId}`);
  if (filter.source) conditions.push(Prisma.sql`k."source" = ${filter.source}`);
  if (filter.createdFrom) conditions.push(Prisma.sql`k."createdAt" >= ${filter.createdFrom}`);
  if (filter.createdTo) conditions.push(Prisma.sql`k."createdAt" <= ${filter.createdTo}`);
  switch (filter.status) {
    case 'disabled':
      conditions.push(Prisma.sql`k."disabled" = ${true}`);
      break;
    case 'expired':
      conditions.push(Prisma.sql`k."disabled" = ${false}`, Prisma.sql`k."expiresAt" <= ${now}`);
      break;
    case 'active':
      conditions.push(
        Prisma.sql`k."disabled" = ${false}`,
        Prisma.sql`(k."expiresAt" IS NULL OR k."expiresAt" > ${now})`,
      );
      break;
  }
  switch (filter.expires) {
    case 'next-7-days':
    case 'next-30-days': {
      const until = new Date(now.getTime() + (filter.expires === 'next-7-days' ? 7 : 30) * DAY);
      conditions.push(Prisma.sql`k."expiresAt" > ${now}`, Prisma.sql`k."expiresAt" <= ${until}`);
      break;
    }
    case 'expired':
      conditions.push(Prisma.sql`k."expiresAt" <= ${now}`);
      break;
    case 'never':
      conditions.push(Prisma.sql`k."expiresAt" IS NULL`);
      break;
  }
  switch (filter.usage) {
    case 'at-limit':
      // Written as the partial index LicenseKey_at_limit_idx's own WHERE, so that it applies. On
      // PostgreSQL that is a generated column of the same condition, so that an activation's UPDATE
      // of "instancesCount" stays in place (prisma/sql/postgresql-license-key-at-limit.sql).
      conditions.push(
        engine === 'postgresql'
          ? Prisma.sql`k."limitReached"`
          : Prisma.sql`k."activationsLimit" IS NOT NULL AND k."instancesCount" >= k."activationsLimit"`,
      );
      break;
    case 'in-use':
      conditions.push(Prisma.sql`k."instancesCount" > 0`);
      break;
    case 'limited':
      conditions.push(Prisma.sql`k."activationsLimit" IS NOT NULL`);
      break;
    case 'unlimited':
      conditions.push(Prisma.sql`k."activationsLimit" IS NULL`);
      break;
  }
  return conditions;
}
