import 'server-only';
import { assertCan, type Actor } from '@/lib/auth/authorize';
import { likeContains } from '@/lib/database/dialect';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { skipTake, type Page } from '@/lib/paging';
import { SEARCH_LIMIT } from '@/lib/search';
import { keyLifetimeColumns } from './rows';
import type { ProductOption } from './schema';

/**
 * A product of a business, as every surface reads it: its name, description and the terms its new
 * keys get. `updatedAt` is its latest audited change (the audit trail records every change to a
 * product in the same transaction), or its creation. An archived product (`archivedAt` set) is
 * left out of the pickers that issue keys; its keys keep working.
 */
export type Product = ProductOption & {
  businessId: string;
  description: string;
  createdAt: Date;
  updatedAt: Date;
  archivedAt: Date | null;
};

export const productSelect = {
  id: true,
  businessId: true,
  name: true,
  keyPrefix: true,
  licenseKeyActivationsLimit: true,
  licenseKeyDurationCount: true,
  licenseKeyDurationInterval: true,
  description: true,
  createdAt: true,
  archivedAt: true,
} as const satisfies Prisma.ProductSelect;

export type ProductRow = Prisma.ProductGetPayload<{ select: typeof productSelect }>;

export function toProductOption(row: ProductRow): ProductOption {
  return {
    id: row.id,
    name: row.name,
    keyPrefix: row.keyPrefix,
    defaultActivationsLimit: row.licenseKeyActivationsLimit,
    defaultKeyDuration: keyLifetimeColumns(row),
  };
}

/** Rows with their latest audited change, in one more statement for the whole list. */
export async function withUpdatedAt(businessId: string, rows: ProductRow[]): Promise<Product[]> {
  if (rows.length === 0) return [];
  const groups = await db.auditEvent.groupBy({
    by: ['objectId'],
    where: { businessId, objectType: 'product', objectId: { in: rows.map((row) => row.id) } },
    _max: { createdAt: true },
  });
  const changed = new Map(groups.map((group) => [group.objectId, group._max.createdAt]));
  return rows.map((row) => ({
    ...toProductOption(row),
    businessId: row.businessId,
    description: row.description,
    createdAt: row.createdAt,
    updatedAt: changed.get(row.id) ?? row.createdAt,
    archivedAt: row.archivedAt,
  }));
}

const PRODUCT_ORDERS = {
  /** By name, as the dashboard lists them. */
  name: [{ nameLower: 'asc' }, { id: 'asc' }],
  /** Newest first (ties by id), as the REST API lists them. */
  newest: [{ createdAt: 'desc' }, { id: 'desc' }],
} as const satisfies Record<string, Prisma.ProductOrderByWithRelationInput[]>;

/**
 * Products of the actor's business in the given order; one page (all of them without one).
 * `archived`: true for archived products only, false for the others, absent for both.
 */
export async function listProducts(
  actor: Actor,
  {
    order = 'name',
    page,
    archived,
  }: { order?: keyof typeof PRODUCT_ORDERS; page?: Page; archived?: boolean } = {},
): Promise<Product[]> {
  assertCan(actor, 'keys:view');
  const rows = await db.product.findMany({
    where: {
      businessId: actor.businessId,
      ...(archived === undefined ? {} : { archivedAt: archived ? { not: null } : null }),
    },
    orderBy: [...PRODUCT_ORDERS[order]],
    ...(page ? skipTake(page) : {}),
    select: productSelect,
  });
  return withUpdatedAt(actor.businessId, rows);
}

/**
 * Every product of the actor's business by name, archived ones too (their keys still exist): a
 * filter's choices.
 */
export async function listProductNames(
  actor: Actor,
): Promise<{ id: string; name: string; archived: boolean }[]> {
  assertCan(actor, 'keys:view');
  const rows = await db.product.findMany({
    where: { businessId: actor.businessId },
    orderBy: [...PRODUCT_ORDERS.name],
    select: { id: true, name: true, archivedAt: true },
  });
  return rows.map(({ id, name, archivedAt }) => ({ id, name, archived: archivedAt !== null }));
}

/** One product of the actor's business, or null (also for another business's product). */
export async function getProduct(actor: Actor, id: string): Promise<Product | null> {
  assertCan(actor, 'keys:view');
  const row = await db.product.findFirst({
    where: { id, businessId: actor.businessId },
    select: productSelect,
  });
  return row ? (await withUpdatedAt(actor.businessId, [row]))[0] : null;
}

/**
 * The product picker's search: products of the actor's business that are not archived, whose name
 * contains `query` as written (case-insensitively; `%` and `_` are plain text), by name. The ids come from one LIKE with an escape character, the
 * same on both engines (Prisma's `contains` has none); a business has few products.
 */
export async function searchProducts(
  actor: Actor,
  query: string,
  limit = SEARCH_LIMIT,
): Promise<ProductOption[]> {
  assertCan(actor, 'keys:view');
  const { businessId } = actor;
  const q = query.trim().toLowerCase();
  const ids = q
    ? await db.$queryRaw<{ id: string }[]>`
        SELECT "id" FROM "Product"
        WHERE "businessId" = ${businessId} AND "archivedAt" IS NULL
          AND ${likeContains(Prisma.sql`"nameLower"`, q)}
        ORDER BY "nameLower", "id"
        LIMIT ${limit}`
    : null;
  const rows = await db.product.findMany({
    where: {
      businessId,
      archivedAt: null,
      ...(ids ? { id: { in: ids.map((row) => row.id) } } : {}),
    },
    orderBy: [{ nameLower: 'asc' }, { id: 'asc' }],
    take: limit,
    select: productSelect,
  });
  return rows.map(toProductOption);
}
