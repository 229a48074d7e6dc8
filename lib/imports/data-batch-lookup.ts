import 'server-only';
import { dbEngine } from '@/lib/db';
import { flag, instant, whole, type DirectTx } from '@/lib/database/direct';
import { inTexts, jsonRecords, typedParam } from '@/lib/database/json-records';
import { Prisma } from '@/lib/generated/prisma/client';
import { customerColumns } from '@/lib/customers/rows';
import { newId } from '@/lib/ids';
import type { ExistingKey } from './outcome';
import type { ImportRow } from './rows';

// The reads (and the customers' find-or-create) of one batch of a bulk import, inside its
// transaction. Each is one statement whatever the batch's size (lib/database/json-records.ts).

/**
 * The keys of `keys` already in Keydesk, in any business, by their string. With `lock`
 * (PostgreSQL, the import) their rows stay locked until the commit, so that an activation or an
 * edit cannot slip between the check and the update.
 */
export async function existingKeys(
  tx: DirectTx,
  keys: readonly string[],
  lock: boolean,
): Promise<Map<string, ExistingKey & { key: string }>> {
  if (keys.length === 0) return new Map();
  const rows = await tx.rows(Prisma.sql`SELECT k."id", k."key", k."businessId",
      c."emailLower" AS "customerEmailLower", c."email" AS "customerEmail", k."productId",
      p."name" AS "productName", k."activationsLimit", k."expiresAt", k."disabled",
      k."instancesCount"
    FROM "LicenseKey" AS k
    JOIN "Customer" AS c ON c."id" = k."customerId"
    JOIN "Product" AS p ON p."id" = k."productId"
    WHERE ${inTexts(dbEngine, Prisma.sql`k."key"`, keys)}
    ${lock && dbEngine === 'postgresql' ? Prisma.sql`FOR UPDATE OF k` : Prisma.empty}`);
  return new Map(
    rows.map((row) => [
      String(row.key),
      {
        id: String(row.id),
        key: String(row.key),
        businessId: String(row.businessId),
        customerEmailLower: String(row.customerEmailLower),
        customerEmail: String(row.customerEmail),
        productId: String(row.productId),
        productName: String(row.productName),
        activationsLimit: row.activationsLimit === null ? null : whole(row.activationsLimit),
        expiresAt: instant(row.expiresAt),
        disabled: flag(row.disabled),
        instancesCount: whole(row.instancesCount),
      },
    ]),
  );
}

export type BatchCustomer = { id: string; name: string; email: string };

/**
 * The business's customers for the rows' email addresses (in any letter case), creating those it
 * does not have yet with the row's name (the first row of an address names it). Answers them by
 * lower-cased address, and the ones this call created.
 */
export async function findOrCreateCustomers(
  tx: DirectTx,
  businessId: string,
  rows: readonly ImportRow[],
  at: Date,
): Promise<{ customers: Map<string, BatchCustomer>; created: BatchCustomer[] }> {
  const wanted = new Map<string, ImportRow>();
  for (const row of rows) {
    if (!wanted.has(row.customerEmailLower)) wanted.set(row.customerEmailLower, row);
  }
  const customers = await customersByEmail(tx, businessId, [...wanted.keys()]);
  // In one order for every writer, so that two imports adding the same addresses cannot deadlock.
  const missing = [...wanted.values()]
    .filter((row) => !customers.has(row.customerEmailLower))
    .sort((a, b) => (a.customerEmailLower < b.customerEmailLower ? -1 : 1));
  if (missing.length === 0) return { customers, created: [] };
  const fresh = missing.map((row) => ({
    id: newId('cus'),
    ...customerColumns({ name: row.customerName, email: row.customerEmail }),
  }));
  const table = jsonRecords(dbEngine, fresh, {
    id: 'text',
    name: 'text',
    email: 'text',
    nameLower: 'text',
    emailLower: 'text',
  });
  // Another writer may add one of these addresses meanwhile (PostgreSQL): theirs is kept.
  const inserted = await tx.rows(Prisma.sql`INSERT INTO "Customer" ("id", "businessId", "name",
      "email", "nameLower", "emailLower", "createdAt")
    SELECT "n"."id", ${typedParam(dbEngine, businessId, 'text')}, "n"."name", "n"."email",
      "n"."nameLower", "n"."emailLower", ${typedParam(dbEngine, at, 'timestamp')}
    FROM ${table} AS "n" WHERE true
    ON CONFLICT ("businessId", "emailLower") DO NOTHING
    RETURNING "id"`);
  const insertedIds = new Set(inserted.map((row) => String(row.id)));
  const created = fresh
    .filter((customer) => insertedIds.has(customer.id))
    .map(({ id, name, email }) => ({ id, name, email }));
  const all =
    created.length === fresh.length
      ? new Map([...customers, ...fresh.map((c) => [c.emailLower, c] as const)])
      : await customersByEmail(tx, businessId, [...wanted.keys()]);
  return { customers: all, created };
}

async function customersByEmail(
  tx: DirectTx,
  businessId: string,
  emailsLower: readonly string[],
): Promise<Map<string, BatchCustomer>> {
  if (emailsLower.length === 0) return new Map();
  const rows = await tx.rows(Prisma.sql`SELECT "id", "name", "email", "emailLower"
    FROM "Customer"
    WHERE "businessId" = ${businessId}
      AND ${inTexts(dbEngine, Prisma.sql`"emailLower"`, emailsLower)}`);
  return new Map(
    rows.map((row) => [
      String(row.emailLower),
      { id: String(row.id), name: String(row.name), email: String(row.email) },
    ]),
  );
}
