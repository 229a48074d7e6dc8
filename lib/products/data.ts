import 'server-only';
import { db } from '@/lib/db';
import { SEARCH_LIMIT } from '@/lib/search';
import type { DurationInterval, ProductOption } from './schema';

const productSelect = {
  id: true,
  name: true,
  keyPrefix: true,
  licenseKeyActivationsLimit: true,
  licenseKeyDurationCount: true,
  licenseKeyDurationInterval: true,
} as const;

type ProductRow = {
  id: string;
  name: string;
  keyPrefix: string | null;
  licenseKeyActivationsLimit: number | null;
  licenseKeyDurationCount: number | null;
  licenseKeyDurationInterval: DurationInterval | null;
};

function toProductOption(row: ProductRow): ProductOption {
  return {
    id: row.id,
    name: row.name,
    keyPrefix: row.keyPrefix,
    defaultActivationsLimit: row.licenseKeyActivationsLimit,
    defaultKeyDuration:
      row.licenseKeyDurationCount !== null && row.licenseKeyDurationInterval !== null
        ? { count: row.licenseKeyDurationCount, interval: row.licenseKeyDurationInterval }
        : null,
  };
}

/** Products of the business whose name contains `query`, case-insensitively, by name. */
export async function searchProducts(
  businessId: string,
  query: string,
  limit = SEARCH_LIMIT,
): Promise<ProductOption[]> {
  const q = query.trim().toLowerCase();
  const rows = await db.product.findMany({
    where: { businessId, ...(q ? { nameLower: { contains: q } } : {}) },
    orderBy: [{ nameLower: 'asc' }, { id: 'asc' }],
    take: limit,
    select: productSelect,
  });
  return rows.map(toProductOption);
}

/** All products of the business, by name. */
export async function listProducts(businessId: string): Promise<ProductOption[]> {
  const rows = await db.product.findMany({
    where: { businessId },
    orderBy: [{ nameLower: 'asc' }, { id: 'asc' }],
    select: productSelect,
  });
  return rows.map(toProductOption);
}
