import 'server-only';
import { assertCan, type Actor } from '@/lib/auth/authorize';
import { likeContains } from '@/lib/database/dialect';
import { db, dbEngine } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { SEARCH_LIMIT } from '@/lib/search';
import type { CustomerOption } from './schema';

const customerOptionSelect = { id: true, name: true, email: true } as const;

/**
 * Strings from `prefix` (inclusive) up to the next one that does not start with it: an index range.
 * Both engines compare these columns byte by byte (SQLite's BINARY, PostgreSQL's COLLATE "C"), and
 * U+10FFFF is the highest character there is, so any character may follow the prefix (an emoji too).
 */
export function prefixRange(prefix: string) {
  return { gte: prefix, lt: `${prefix}\u{10FFFF}` };
}

/** Substring search needs three characters: the trigram indexes cannot look for fewer. */
export const SUBSTRING_MIN_LENGTH = 3;

const byName = (a: CustomerOption, b: CustomerOption) =>
  a.name.localeCompare(b.name, 'en') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Customers of the business whose name or email matches `query`, case-insensitively.
 * Prefix matches come first, by name, from the (businessId, nameLower) and (businessId, emailLower)
 * indexes; from three characters on, substring matches ("kim" in "Dana Kim"), also by name, fill the
 * rest from a trigram index: FTS5 on SQLite (prisma/sql/sqlite-customer-search.sql), pg_trgm on
 * PostgreSQL (prisma/sql/postgresql-customer-search.sql). Both stay fast at a million customers.
 * `%`, `_` and quotes in the query are plain text.
 */
export async function searchCustomers(
  actor: Actor,
  query: string,
  limit = SEARCH_LIMIT,
): Promise<CustomerOption[]> {
  assertCan(actor, 'keys:view');
  const { businessId } = actor;
  const q = query.trim().toLowerCase();
  if (!q) {
    return db.customer.findMany({
      where: { businessId },
      orderBy: [{ nameLower: 'asc' }, { id: 'asc' }],
      take: limit,
      select: customerOptionSelect,
    });
  }
  const [byNamePrefix, byEmailPrefix] = await Promise.all([
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
  for (const customer of [...byNamePrefix, ...byEmailPrefix]) found.set(customer.id, customer);
  const prefixMatches = [...found.values()].sort(byName).slice(0, limit);
  if (prefixMatches.length >= limit || [...q].length < SUBSTRING_MIN_LENGTH) return prefixMatches;

  const candidates = await substringMatches(businessId, q, limit * 2);
  const more = candidates.filter((customer) => !found.has(customer.id)).sort(byName);
  return [...prefixMatches, ...more].slice(0, limit);
}

/**
 * Up to `limit` customers of the business with `q` (lower-cased) anywhere in the name or email,
 * in no particular order: which ones, when more match, is the index's choice on either engine.
 */
function substringMatches(businessId: string, q: string, limit: number) {
  if (dbEngine === 'postgresql') {
    // The trigram (GIN) indexes of nameLower and emailLower find the candidates, as FTS5 does on
    // SQLite. MATERIALIZED keeps the LIMIT from reaching the planner: with it, the planner bets on
    // a sequential scan that stops after `limit` rows, which reads the whole table (~80 ms at a
    // million customers) when the text is common in other businesses but absent from this one.
    return db.$queryRaw<CustomerOption[]>`
      WITH matches AS MATERIALIZED (
        SELECT "id", "name", "email" FROM "Customer"
        WHERE "businessId" = ${businessId}
          AND (${likeContains(Prisma.sql`"nameLower"`, q)}
            OR ${likeContains(Prisma.sql`"emailLower"`, q)})
      )
      SELECT "id", "name", "email" FROM matches LIMIT ${limit}`;
  }
  return db.$queryRaw<CustomerOption[]>`
    SELECT c."id", c."name", c."email"
    FROM "CustomerSearch" s JOIN "Customer" c ON c.rowid = s.rowid
    WHERE "CustomerSearch" MATCH ${ftsPhrase(q)} AND c."businessId" = ${businessId}
    LIMIT ${limit}`;
}

/** FTS5 query syntax for "this text, anywhere": one quoted phrase, inner quotes doubled. */
export function ftsPhrase(text: string) {
  return `"${text.replaceAll('"', '""')}"`;
}
