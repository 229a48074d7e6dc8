import 'server-only';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, type Actor } from '@/lib/auth/authorize';
import { db } from '@/lib/db';
import { newId } from '@/lib/ids';
import { uniqueViolationFields } from '@/lib/prisma-errors';
import { SEARCH_LIMIT } from '@/lib/search';
import {
  CUSTOMER_EMAIL_TAKEN_MESSAGE,
  type CreateCustomerFailure,
  type CreateCustomerInput,
  type CustomerOption,
} from './schema';

const customerOptionSelect = { id: true, name: true, email: true } as const;

/** Strings from `prefix` (inclusive) up to the next one that does not start with it: an index range. */
function prefixRange(prefix: string) {
  return { gte: prefix, lt: `${prefix}\uffff` };
}

/**
 * Customers of the business whose name or email matches `query`, case-insensitively.
 * Prefix matches come first, by name, from the (businessId, nameLower) and (businessId, emailLower)
 * indexes; from three characters on, substring matches ("kim" in "Dana Kim") fill the rest from the
 * trigram index (prisma/sql/sqlite-customer-search.sql). Both stay fast at a million customers.
 */
export async function searchCustomers(
  businessId: string,
  query: string,
  limit = SEARCH_LIMIT,
): Promise<CustomerOption[]> {
  const q = query.trim().toLowerCase();
  if (!q) {
    return db.customer.findMany({
      where: { businessId },
      orderBy: [{ nameLower: 'asc' }, { id: 'asc' }],
      take: limit,
      select: customerOptionSelect,
    });
  }
  const [byName, byEmail] = await Promise.all([
    db.customer.findMany({
      where: { businessId, nameLower: prefixRange(q) },
      orderBy: [{ nameLower: 'asc' }, { id: 'asc' }],
      take: limit,
      select: customerOptionSelect,
    }),
    db.customer.findMany({
      where: { businessId, emailLower: prefixRange(q) },
      orderBy: [{ emailLower: 'asc' }, { id: 'asc' }],
      take: limit,
      select: customerOptionSelect,
    }),
  ]);
  const found = new Map<string, CustomerOption>();
  for (const customer of [...byName, ...byEmail]) found.set(customer.id, customer);
  const prefixMatches = [...found.values()]
    .sort((a, b) => a.name.localeCompare(b.name, 'en') || a.id.localeCompare(b.id))
    .slice(0, limit);
  if (prefixMatches.length >= limit || q.length < 3) return prefixMatches;

  const substringMatches = await db.$queryRaw<CustomerOption[]>`
    SELECT c."id", c."name", c."email"
    FROM "CustomerSearch" s JOIN "Customer" c ON c.rowid = s.rowid
    WHERE "CustomerSearch" MATCH ${ftsPhrase(q)} AND c."businessId" = ${businessId}
    LIMIT ${limit * 2}`;
  for (const customer of substringMatches) {
    if (found.size >= limit) break;
    if (!found.has(customer.id)) {
      found.set(customer.id, customer);
      prefixMatches.push(customer);
    }
  }
  return prefixMatches.slice(0, limit);
}

/** FTS5 query syntax for "this text, anywhere": one quoted phrase, inner quotes doubled. */
function ftsPhrase(text: string) {
  return `"${text.replaceAll('"', '""')}"`;
}

/** One customer of the business, or null (also for another business's customer). */
export function getCustomer(businessId: string, id: string): Promise<CustomerOption | null> {
  return db.customer.findFirst({ where: { id, businessId }, select: customerOptionSelect });
}

export type CreateCustomerResult = { ok: true; id: string } | CreateCustomerFailure;

/**
 * Creates a customer of the actor's business. An email another customer of the business already
 * has, in any letter case, is a field error and nothing is written: the unique index on
 * (businessId, emailLower) decides, so two people submitting at once cannot both succeed.
 * The customer and its audit event are written in one transaction.
 */
export async function createCustomer(
  actor: Actor,
  input: CreateCustomerInput,
): Promise<CreateCustomerResult> {
  assertCan(actor, 'customers:create');
  try {
    return await db.$transaction(async (tx): Promise<CreateCustomerResult> => {
      const created = await tx.customer.create({
        data: {
          id: newId('cus'),
          businessId: actor.businessId,
          name: input.name,
          email: input.email,
          nameLower: input.name.toLowerCase(),
          emailLower: input.email.toLowerCase(),
        },
        select: { id: true },
      });
      await recordAudit(tx, actor, {
        action: 'customer.created',
        objectType: 'customer',
        objectId: created.id,
        summary: `Created customer ${input.name} <${input.email}>`,
      });
      return { ok: true, id: created.id };
    });
  } catch (error) {
    if (uniqueViolationFields(error)?.includes('emailLower')) {
      return { ok: false, fieldErrors: { email: [CUSTOMER_EMAIL_TAKEN_MESSAGE] } };
    }
    throw error;
  }
}
