import 'server-only';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, type Actor } from '@/lib/auth/authorize';
import { likeContains } from '@/lib/database/dialect';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { skipTake, type Page } from '@/lib/paging';
import { fail, ok, type Result } from '@/lib/result';
import { SEARCH_LIMIT } from '@/lib/search';
import { keyLifetimeColumns, productNameColumns } from './rows';
import { describeDuration, type ProductOption, type UpdateProductInput } from './schema';

/**
 * A product of a business, as every surface reads it: its name and the terms its new keys get.
 * `updatedAt` is its latest audited change (the audit trail records every change to a product in
 * the same transaction), or its creation.
 */
export type Product = ProductOption & { businessId: string; createdAt: Date; updatedAt: Date };

const productSelect = {
  id: true,
  businessId: true,
  name: true,
  keyPrefix: true,
  licenseKeyActivationsLimit: true,
  licenseKeyDurationCount: true,
  licenseKeyDurationInterval: true,
  createdAt: true,
} as const satisfies Prisma.ProductSelect;

type ProductRow = Prisma.ProductGetPayload<{ select: typeof productSelect }>;

function toProductOption(row: ProductRow): ProductOption {
  return {
    id: row.id,
    name: row.name,
    keyPrefix: row.keyPrefix,
    defaultActivationsLimit: row.licenseKeyActivationsLimit,
    defaultKeyDuration: keyLifetimeColumns(row),
  };
}

/** Rows with their latest audited change, in one more statement for the whole list. */
async function withUpdatedAt(businessId: string, rows: ProductRow[]): Promise<Product[]> {
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
    createdAt: row.createdAt,
    updatedAt: changed.get(row.id) ?? row.createdAt,
  }));
}

const PRODUCT_ORDERS = {
  /** By name, as the dashboard lists them. */
  name: [{ nameLower: 'asc' }, { id: 'asc' }],
  /** Newest first (ties by id), as the REST API lists them. */
  newest: [{ createdAt: 'desc' }, { id: 'desc' }],
} as const satisfies Record<string, Prisma.ProductOrderByWithRelationInput[]>;

/** Products of the actor's business in the given order; one page (all of them without one). */
export async function listProducts(
  actor: Actor,
  { order = 'name', page }: { order?: keyof typeof PRODUCT_ORDERS; page?: Page } = {},
): Promise<Product[]> {
  assertCan(actor, 'keys:view');
  const rows = await db.product.findMany({
    where: { businessId: actor.businessId },
    orderBy: [...PRODUCT_ORDERS[order]],
    ...(page ? skipTake(page) : {}),
    select: productSelect,
  });
  return withUpdatedAt(actor.businessId, rows);
}

/** Every product of the actor's business by name, id and name only: a filter's choices. */
export async function listProductNames(actor: Actor): Promise<{ id: string; name: string }[]> {
  assertCan(actor, 'keys:view');
  return db.product.findMany({
    where: { businessId: actor.businessId },
    orderBy: [...PRODUCT_ORDERS.name],
    select: { id: true, name: true },
  });
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
 * Products of the actor's business whose name contains `query` as written (case-insensitively;
 * `%` and `_` are plain text), by name. The ids come from one LIKE with an escape character, the
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
        WHERE "businessId" = ${businessId} AND ${likeContains(Prisma.sql`"nameLower"`, q)}
        ORDER BY "nameLower", "id"
        LIMIT ${limit}`
    : null;
  const rows = await db.product.findMany({
    where: { businessId, ...(ids ? { id: { in: ids.map((row) => row.id) } } : {}) },
    orderBy: [{ nameLower: 'asc' }, { id: 'asc' }],
    take: limit,
    select: productSelect,
  });
  return rows.map(toProductOption);
}

/**
 * Renames a product of the actor's business and changes the terms its new keys get (existing keys
 * keep theirs). The read, the write and the audit event share one transaction; an edit that
 * changes nothing writes nothing. Answers what changed, one phrase per field.
 */
export async function updateProduct(
  actor: Actor,
  id: string,
  input: UpdateProductInput,
): Promise<Result<{ id: string; changes: string[] }, 'PRODUCT_NOT_FOUND'>> {
  assertCan(actor, 'products:edit');
  const where = { id, businessId: actor.businessId };
  return db.$transaction(async (tx) => {
    const row = await tx.product.findFirst({ where, select: productSelect });
    if (!row) return fail('PRODUCT_NOT_FOUND');
    const changes = describeProductChanges(toProductOption(row), input);
    if (changes.length === 0) return ok({ id: row.id, changes });
    const { count } = await tx.product.updateMany({
      where,
      data: {
        ...productNameColumns(input.name),
        licenseKeyActivationsLimit: input.activationsLimit,
        licenseKeyDurationCount: input.keyLifetime?.count ?? null,
        licenseKeyDurationInterval: input.keyLifetime?.interval ?? null,
        keyPrefix: input.keyPrefix,
      },
    });
    if (count !== 1) throw new Error(`Expected to update 1 product, updated ${count}`);
    await recordAudit(tx, actor, {
      action: 'product.updated',
      objectType: 'product',
      objectId: row.id,
      summary: `Updated product ${input.name}: ${changes.join('; ')}`,
    });
    return ok({ id: row.id, changes });
  });
}

const describeLimit = (limit: number | null) => (limit === null ? 'unlimited' : String(limit));
const describeLifetime = (duration: ProductOption['defaultKeyDuration']) =>
  duration ? describeDuration(duration) : 'never expires';

/** What an edit changes, one phrase per field, for the audit trail: "key prefix ACME → none". */
function describeProductChanges(before: ProductOption, after: UpdateProductInput): string[] {
  const changes: string[] = [];
  if (before.name !== after.name) changes.push(`name “${before.name}” → “${after.name}”`);
  if (before.defaultActivationsLimit !== after.activationsLimit) {
    changes.push(
      `activations limit ${describeLimit(before.defaultActivationsLimit)} → ${describeLimit(after.activationsLimit)}`,
    );
  }
  const lifetimeBefore = describeLifetime(before.defaultKeyDuration);
  const lifetimeAfter = describeLifetime(after.keyLifetime);
  if (lifetimeBefore !== lifetimeAfter) {
    changes.push(`key lifetime ${lifetimeBefore} → ${lifetimeAfter}`);
  }
  if (before.keyPrefix !== after.keyPrefix) {
    changes.push(`key prefix ${before.keyPrefix ?? 'none'} → ${after.keyPrefix ?? 'none'}`);
  }
  return changes;
}
