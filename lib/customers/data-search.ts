import 'server-only';
import { assertCan, type Actor } from '@/lib/auth/authorize';
import { likeContains } from '@/lib/database/dialect';
import { db, dbEngine, direct } from '@/lib/db';
import type { Engine } from '@/lib/database/url';
import { Prisma } from '@/lib/generated/prisma/client';
import { SEARCH_LIMIT, SUBSTRING_MIN_LENGTH } from '@/lib/search';
import { compareByNameLower } from './list';
import type { CustomerOption } from './schema';

/** A customer's place in the customer list's order. */
type NameKey = { id: string; nameLower: string };
type Match = CustomerOption & NameKey;

const customerOptionSelect = { id: true, name: true, email: true } as const;

/**
 * Strings from `prefix` (inclusive) up to the next one that does not start with it: an index range.
 * Both engines compare these columns byte by byte (SQLite's BINARY, PostgreSQL's COLLATE "C"), and
 * U+10FFFF is the highest character there is, so any character may follow the prefix (an emoji too).
 */
export function prefixRange(prefix: string) {
  return { gte: prefix, lt: `${prefix}\u{10FFFF}` };
}

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
  const found = new Map<string, CustomerOption>();
  const byPrefix = await namesOrEmailsStartingWith(businessId, q, limit);
  for (const customer of byPrefix) found.set(customer.id, customer);
  const prefixMatches = [...found.values()].sort(byName).slice(0, limit);
  if (prefixMatches.length >= limit || [...q].length < SUBSTRING_MIN_LENGTH) return prefixMatches;

  const candidates = await substringMatches(businessId, q, limit * 2);
  const more = candidates
    .filter((customer) => !found.has(customer.id))
    .map(({ id, name, email }) => ({ id, name, email }))
    .sort(byName);
  return [...prefixMatches, ...more].slice(0, limit);
}

/**
 * Up to `limit` customers whose name starts with `q` and up to `limit` whose email does, each from
 * its index in that index's order, in one statement (the picker asks on every keystroke: one round
 * trip, not two). A customer matching both comes twice.
 */
async function namesOrEmailsStartingWith(businessId: string, q: string, limit: number) {
  const { gte, lt } = prefixRange(q);
  // Each side is a subquery: SQLite allows ORDER BY and LIMIT only there in a compound SELECT.
  // On the direct path (lib/database/direct.ts): the picker's statement, on every keystroke.
  return (await direct.rows(Prisma.sql`
    SELECT "id", "name", "email" FROM (
      SELECT "id", "name", "email" FROM "Customer"
      WHERE "businessId" = ${businessId} AND "nameLower" >= ${gte} AND "nameLower" < ${lt}
      ORDER BY "nameLower", "id" LIMIT ${limit}
    ) AS by_name
    UNION ALL
    SELECT "id", "name", "email" FROM (
      SELECT "id", "name", "email" FROM "Customer"
      WHERE "businessId" = ${businessId} AND "emailLower" >= ${gte} AND "emailLower" < ${lt}
      ORDER BY "emailLower", "id" LIMIT ${limit}
    ) AS by_email`)) as CustomerOption[];
}

/**
 * "`q` (lower-cased) anywhere in the name or the email" of the customer row `alias`: what a
 * substring search means on both engines, on the lower-cased columns.
 *
 * PostgreSQL: LIKE, for the trigram (GIN) indexes of nameLower and emailLower. A GIN search reads
 * the row list of every trigram of its pattern, and an email's domain ("gmail.com", "example.com")
 * is in a large share of all emails: for an email the index looks for the part before the @ (from
 * three characters), and the whole text is checked on the rows it finds (`|| ''` keeps that check
 * off the index).
 *
 * SQLite: instr(), which the FTS5 index's matches are checked with (sqliteCustomersContaining) and
 * which the key list tests row by row when it reads its own order (lib/license-keys).
 */
export function customerContains(engine: Engine, q: string, alias = '"Customer"'): Prisma.Sql {
  const [name, email] = ['nameLower', 'emailLower'].map((column) =>
    Prisma.raw(`${alias}."${column}"`),
  );
  if (engine === 'sqlite') {
    return Prisma.sql`(instr(${name}, ${q}) > 0 OR instr(${email}, ${q}) > 0)`;
  }
  const at = q.indexOf('@');
  const byEmail =
    at >= SUBSTRING_MIN_LENGTH
      ? Prisma.sql`(${likeContains(email, q.slice(0, at))} AND ${likeContains(Prisma.sql`(${email} || '')`, q)})`
      : likeContains(email, q);
  return Prisma.sql`(${likeContains(name, q)} OR ${byEmail})`;
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
    return db.$queryRaw<Match[]>`
      WITH matches AS MATERIALIZED (
        SELECT "id", "name", "email", "nameLower" FROM "Customer"
        WHERE "businessId" = ${businessId} AND ${customerContains('postgresql', q)}
      )
      SELECT "id", "name", "email", "nameLower" FROM matches LIMIT ${limit}`;
  }
  return db.$queryRaw<Match[]>`${sqliteCustomersContaining(businessId, q)} LIMIT ${limit}`;
}

/** 2^40: a customer's rowid below it, its business's range of the search index above it. */
const RANGE = Prisma.raw('1099511627776');

/**
 * Where the business's rows start in the SQLite search index: the number its triggers compute from
 * the id's last three characters (prisma/sql/sqlite-customer-search.sql), times 2^40.
 */
function searchRangeStart(businessId: string): Prisma.Sql {
  const char = (at: number) =>
    Prisma.sql`(coalesce(unicode(substr(${businessId}, ${Prisma.raw(String(at))}, 1)), 0) % 128)`;
  return Prisma.sql`((${char(-1)} + 128 * ${char(-2)} + 16384 * ${char(-3)}) * ${RANGE})`;
}

/**
 * SQLite: the business's customers with `q` (lower-cased) in the name or email, from the FTS5
 * trigram index, which seeks to the business's range of rowids: a text frequent in another
 * business is not read (57 ms for "imura" in a small business beside a million customers who
 * have it, when every match was read and its business checked; under 1 ms now). Two businesses
 * may share a range, so the business is still checked, and so is the text, with instr() on the
 * lower-cased columns the index holds: what the search means (customerContains), of which the
 * index finds a superset.
 */
export function sqliteCustomersContaining(businessId: string, q: string): Prisma.Sql {
  const start = searchRangeStart(businessId);
  return Prisma.sql`
    SELECT c."id", c."name", c."email", c."nameLower"
    FROM "CustomerSearch" s CROSS JOIN "Customer" c ON c.rowid = s.rowid % ${RANGE}
    WHERE "CustomerSearch" MATCH ${ftsPhrase(q)}
      AND s.rowid >= ${start} AND s.rowid < ${start} + ${RANGE}
      AND c."businessId" = ${businessId} AND ${customerContains('sqlite', q, 'c')}`;
}

/** FTS5 query syntax for "this text, anywhere": one quoted phrase, inner quotes doubled. */
export function ftsPhrase(text: string) {
  return `"${text.replaceAll('"', '""')}"`;
}

/**
 * The other matches of a search in the customer list (lib/customers/data-list.ts lists the names
 * starting with `q` before them): customers whose email starts with `q` and, from three characters
 * on, whose name or email contains it, by nameLower then id. Each kind is read up to `bound` + 1
 * rows and the names starting with `q` are dropped here, not in SQL, so that the work stays bounded
 * when most matches are those ("dana" is in every Dana's name and email). A kind that had more than
 * `bound` rows, or more than `bound` in all, is `capped`; the first `bound` are kept.
 */
export async function otherSearchMatches(businessId: string, q: string, bound: number) {
  const [byEmail, bySubstring] = await Promise.all([
    db.customer.findMany({
      where: { businessId, emailLower: prefixRange(q) },
      orderBy: [{ emailLower: 'asc' }, { id: 'asc' }],
      take: bound + 1,
      select: { id: true, nameLower: true },
    }),
    [...q].length >= SUBSTRING_MIN_LENGTH ? substringMatches(businessId, q, bound + 1) : [],
  ]);
  const found = new Map<string, NameKey>();
  for (const { id, nameLower } of [...byEmail, ...bySubstring]) {
    if (!nameLower.startsWith(q)) found.set(id, { id, nameLower });
  }
  const matches = [...found.values()].sort(compareByNameLower);
  const capped = byEmail.length > bound || bySubstring.length > bound || matches.length > bound;
  return { matches: matches.slice(0, bound), capped };
}
