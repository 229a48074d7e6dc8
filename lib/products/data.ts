import 'server-only';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, type Actor } from '@/lib/auth/authorize';
import { likeContains } from '@/lib/database/dialect';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { SEARCH_LIMIT } from '@/lib/search';
import {
  describeDuration,
  PRODUCT_NOT_FOUND_FOR_EDIT_MESSAGE,
  type DurationInterval,
  type ProductOption,
  type UpdateProductFailure,
  type UpdateProductInput,
} from './schema';

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

/**
 * Products of the business whose name contains `query` as written (case-insensitively; `%` and `_`
 * are plain text), by name. The ids come from one LIKE with an escape character, the same on both
 * engines (Prisma's `contains` has none); a business has few products, so no index is needed.
 */
export async function searchProducts(
  businessId: string,
  query: string,
  limit = SEARCH_LIMIT,
): Promise<ProductOption[]> {
  const q = query.trim().toLowerCase();
  if (!q) {
    const rows = await db.product.findMany({
      where: { businessId },
      orderBy: [{ nameLower: 'asc' }, { id: 'asc' }],
      take: limit,
      select: productSelect,
    });
    return rows.map(toProductOption);
  }
  const page = await db.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Product"
    WHERE "businessId" = ${businessId} AND ${likeContains(Prisma.sql`"nameLower"`, q)}
    ORDER BY "nameLower", "id"
    LIMIT ${limit}`;
  const ids = page.map((row) => row.id);
  const rows = await db.product.findMany({
    where: { id: { in: ids }, businessId },
    select: productSelect,
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toProductOption(row)] : [];
  });
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

/** One product of the business, or null (also for another business's product). */
export async function getProduct(businessId: string, id: string): Promise<ProductOption | null> {
  const row = await db.product.findFirst({ where: { id, businessId }, select: productSelect });
  return row ? toProductOption(row) : null;
}

export type UpdateProductResult =
  { ok: true; id: string; changes: string[] } | UpdateProductFailure;

/**
 * Renames a product of the actor's business and changes the terms its new keys get (existing keys
 * keep theirs). A product of another business, or none, is "not found" and nothing is written.
 * The read, the write and the audit event share one transaction; an edit that changes nothing
 * writes nothing.
 */
export async function updateProduct(
  actor: Actor,
  id: string,
  input: UpdateProductInput,
): Promise<UpdateProductResult> {
  assertCan(actor, 'products:edit');
  const { businessId } = actor;
  return db.$transaction(async (tx): Promise<UpdateProductResult> => {
    const row = await tx.product.findFirst({ where: { id, businessId }, select: productSelect });
    if (!row) return { ok: false, fieldErrors: {}, formError: PRODUCT_NOT_FOUND_FOR_EDIT_MESSAGE };
    const changes = describeProductChanges(toProductOption(row), input);
    if (changes.length === 0) return { ok: true, id: row.id, changes };
    const { count } = await tx.product.updateMany({
      where: { id: row.id, businessId },
      data: {
        name: input.name,
        nameLower: input.name.toLowerCase(),
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
    return { ok: true, id: row.id, changes };
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
