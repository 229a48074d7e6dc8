import 'server-only';
import { db } from '@/lib/db';
import { SEARCH_LIMIT } from '@/lib/search';
import type { CustomerOption } from './schema';

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
