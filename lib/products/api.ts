import 'server-only';
import { assertCan, type Actor } from '@/lib/auth/authorize';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { apiErrors } from '@/lib/http/api-error';
import {
  DODO_TIME_INTERVAL,
  type ApiListProductsQuery,
  type ApiProduct,
  type ApiProductList,
} from './api-schema';

const apiSelect = {
  id: true,
  businessId: true,
  name: true,
  licenseKeyActivationsLimit: true,
  licenseKeyDurationCount: true,
  licenseKeyDurationInterval: true,
  createdAt: true,
} as const satisfies Prisma.ProductSelect;

type ApiRow = Prisma.ProductGetPayload<{ select: typeof apiSelect }>;

/**
 * A product as Dodo's API shows it. Keydesk has one brand per business (brand_id is the business),
 * no prices, taxes, descriptions, images, entitlements or metadata: those fields are null, [] or {}.
 * `updatedAt` is the product's latest audited change, or null when it never changed.
 */
export function toApiProduct(row: ApiRow, updatedAt: Date | null): ApiProduct {
  return {
    product_id: row.id,
    business_id: row.businessId,
    brand_id: row.businessId,
    name: row.name,
    description: null,
    image: null,
    created_at: row.createdAt.toISOString(),
    updated_at: (updatedAt ?? row.createdAt).toISOString(),
    is_recurring: false,
    license_key_enabled: true,
    license_key_activations_limit: row.licenseKeyActivationsLimit,
    license_key_duration:
      row.licenseKeyDurationCount !== null && row.licenseKeyDurationInterval !== null
        ? {
            count: row.licenseKeyDurationCount,
            interval: DODO_TIME_INTERVAL[row.licenseKeyDurationInterval],
          }
        : null,
    metadata: {},
    entitlements: [],
    credit_entitlements: [],
    price: null,
    tax_category: null,
  };
}

const notFound = () => apiErrors.notFound('PRODUCT_NOT_FOUND', 'Product not found.');

/**
 * When each product last changed. The Product table keeps no update time; the audit trail records
 * every change to a product (in the same transaction as the change), so its latest event is one.
 */
async function lastChanges(businessId: string, productIds: string[]): Promise<Map<string, Date>> {
  if (productIds.length === 0) return new Map();
  const groups = await db.auditEvent.groupBy({
    by: ['objectId'],
    where: { businessId, objectType: 'product', objectId: { in: productIds } },
    _max: { createdAt: true },
  });
  const changes = new Map<string, Date>();
  for (const group of groups) {
    if (group._max.createdAt) changes.set(group.objectId, group._max.createdAt);
  }
  return changes;
}

/** GET /products/{id}: another business's product is as missing as one that never was. */
export async function getProductForApi(actor: Actor, id: string): Promise<ApiProduct> {
  assertCan(actor, 'keys:view');
  const row = await db.product.findFirst({
    where: { id, businessId: actor.businessId },
    select: apiSelect,
  });
  if (!row) throw notFound();
  const changes = await lastChanges(actor.businessId, [row.id]);
  return toApiProduct(row, changes.get(row.id) ?? null);
}

/**
 * GET /products: newest first, one page. No Keydesk product is archived or recurring, and the
 * business is its only brand, so those filters either keep every product or none.
 */
export async function listProductsForApi(
  actor: Actor,
  query: ApiListProductsQuery,
): Promise<ApiProductList> {
  assertCan(actor, 'keys:view');
  const matchesNone =
    query.archived === true ||
    query.recurring === true ||
    (query.brand_id !== undefined && query.brand_id !== actor.businessId);
  if (matchesNone) return { items: [] };
  const rows = await db.product.findMany({
    where: { businessId: actor.businessId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    skip: query.page_number * query.page_size,
    take: query.page_size,
    select: apiSelect,
  });
  const changes = await lastChanges(
    actor.businessId,
    rows.map((row) => row.id),
  );
  return { items: rows.map((row) => toApiProduct(row, changes.get(row.id) ?? null)) };
}
