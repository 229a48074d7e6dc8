import 'server-only';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, type Actor } from '@/lib/auth/authorize';
import { db } from '@/lib/db';
import { newId } from '@/lib/ids';
import { fail, ok, type Result } from '@/lib/result';
import { productSelect, toProductOption, withUpdatedAt, type Product } from './data';
import { productNameColumns } from './rows';
import {
  describeDuration,
  type ProductInput,
  type ProductOption,
  type ProductPatch,
} from './schema';

// The writes of products: create, edit, archive and unarchive. Each checks the permission, finds
// the product in the actor's business only (another business's product is "not found") and records
// its audit event in the same transaction as the change.

/** The columns a product's fields are stored in. */
function productColumns(input: ProductInput) {
  return {
    ...productNameColumns(input.name),
    description: input.description,
    licenseKeyActivationsLimit: input.activationsLimit,
    licenseKeyDurationCount: input.keyLifetime?.count ?? null,
    licenseKeyDurationInterval: input.keyLifetime?.interval ?? null,
    keyPrefix: input.keyPrefix,
  };
}

/** A product as it is now, after a write has committed. */
async function readProduct(businessId: string, id: string): Promise<Product> {
  const row = await db.product.findFirstOrThrow({
    where: { id, businessId },
    select: productSelect,
  });
  return (await withUpdatedAt(businessId, [row]))[0];
}

/** Creates a product of the actor's business, with its audit event in the same transaction. */
export async function createProduct(actor: Actor, input: ProductInput): Promise<Product> {
  assertCan(actor, 'products:create');
  const id = newId('pdt');
  await db.$transaction(async (tx) => {
    await tx.product.create({
      data: { id, businessId: actor.businessId, ...productColumns(input) },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: 'product.created',
      objectType: 'product',
      objectId: id,
      summary: `Created product ${input.name}: ${describeTerms(input).join('; ')}`,
    });
  });
  return readProduct(actor.businessId, id);
}

/**
 * Changes a product of the actor's business: an absent field is kept (the REST API's PATCH; the
 * form sends every field). The terms apply to keys issued from now on; existing keys keep theirs.
 * The read, the write and the audit event share one transaction; an edit that changes nothing
 * writes nothing. Answers what changed, one phrase per field.
 */
export async function updateProduct(
  actor: Actor,
  id: string,
  patch: ProductPatch,
): Promise<Result<{ id: string; changes: string[] }, 'PRODUCT_NOT_FOUND'>> {
  assertCan(actor, 'products:edit');
  const where = { id, businessId: actor.businessId };
  return db.$transaction(async (tx) => {
    const row = await tx.product.findFirst({ where, select: productSelect });
    if (!row) return fail('PRODUCT_NOT_FOUND');
    const before = toProductInput(toProductOption(row), row.description);
    const after: ProductInput = { ...before, ...definedFields(patch) };
    const changes = describeProductChanges(before, after);
    if (changes.length === 0) return ok({ id: row.id, changes });
    const { count } = await tx.product.updateMany({ where, data: productColumns(after) });
    if (count !== 1) throw new Error(`Expected to update 1 product, updated ${count}`);
    await recordAudit(tx, actor, {
      action: 'product.updated',
      objectType: 'product',
      objectId: row.id,
      summary: `Updated product ${after.name}: ${changes.join('; ')}`,
    });
    return ok({ id: row.id, changes });
  });
}

/**
 * Archives (`archived: true`) or unarchives a product of the actor's business. An archived product
 * is left out of the pickers that issue keys and refuses new keys; its keys keep working. Already
 * in that state: nothing is written (`changed: false`).
 */
export async function setProductArchived(
  actor: Actor,
  id: string,
  archived: boolean,
): Promise<Result<{ id: string; name: string; changed: boolean }, 'PRODUCT_NOT_FOUND'>> {
  assertCan(actor, 'products:archive');
  const where = { id, businessId: actor.businessId };
  return db.$transaction(async (tx) => {
    const row = await tx.product.findFirst({
      where,
      select: { id: true, name: true, archivedAt: true },
    });
    if (!row) return fail('PRODUCT_NOT_FOUND');
    if ((row.archivedAt !== null) === archived) {
      return ok({ id: row.id, name: row.name, changed: false });
    }
    const { count } = await tx.product.updateMany({
      where: { ...where, archivedAt: archived ? null : { not: null } },
      data: { archivedAt: archived ? new Date() : null },
    });
    // Another request changed it first (PostgreSQL, between the read and this statement).
    if (count === 0) return ok({ id: row.id, name: row.name, changed: false });
    await recordAudit(tx, actor, {
      action: archived ? 'product.archived' : 'product.unarchived',
      objectType: 'product',
      objectId: row.id,
      summary: archived
        ? `Archived product ${row.name}: no new keys; its keys keep working`
        : `Unarchived product ${row.name}`,
    });
    return ok({ id: row.id, name: row.name, changed: true });
  });
}

function toProductInput(option: ProductOption, description: string): ProductInput {
  return {
    name: option.name,
    description,
    activationsLimit: option.defaultActivationsLimit,
    keyLifetime: option.defaultKeyDuration,
    keyPrefix: option.keyPrefix,
  };
}

/** The fields a patch sets: `undefined` means "keep", so it must not overwrite. */
function definedFields(patch: ProductPatch): ProductPatch {
  return Object.fromEntries(
    Object.entries(patch).filter(([, value]) => value !== undefined),
  ) as ProductPatch;
}

const describeLimit = (limit: number | null) => (limit === null ? 'unlimited' : String(limit));
const describeLifetime = (duration: ProductInput['keyLifetime']) =>
  duration ? describeDuration(duration) : 'never expires';

/** A new product's terms, for the audit trail: "activations limit 3", "key lifetime 1 year". */
function describeTerms(input: ProductInput): string[] {
  return [
    `activations limit ${describeLimit(input.activationsLimit)}`,
    `key lifetime ${describeLifetime(input.keyLifetime)}`,
    `key prefix ${input.keyPrefix ?? 'none'}`,
  ];
}

/** What an edit changes, one phrase per field, for the audit trail: "key prefix ACME → none". */
function describeProductChanges(before: ProductInput, after: ProductInput): string[] {
  const changes: string[] = [];
  if (before.name !== after.name) changes.push(`name “${before.name}” → “${after.name}”`);
  if (before.description !== after.description) {
    if (!before.description) changes.push('description added');
    else changes.push(after.description ? 'description changed' : 'description removed');
  }
  if (before.activationsLimit !== after.activationsLimit) {
    changes.push(
      `activations limit ${describeLimit(before.activationsLimit)} → ${describeLimit(after.activationsLimit)}`,
    );
  }
  const lifetimeBefore = describeLifetime(before.keyLifetime);
  const lifetimeAfter = describeLifetime(after.keyLifetime);
  if (lifetimeBefore !== lifetimeAfter) {
    changes.push(`key lifetime ${lifetimeBefore} → ${lifetimeAfter}`);
  }
  if (before.keyPrefix !== after.keyPrefix) {
    changes.push(`key prefix ${before.keyPrefix ?? 'none'} → ${after.keyPrefix ?? 'none'}`);
  }
  return changes;
}
