// The key list's search as SQL (data-list-query.ts builds the rest), in the two forms a page can be
// read in: the rows of the keys a search finds, read from the indexes that hold them
// (matchingKeyRows), or a test of one key row, for reading the list in its own order
// (keyRowMatches). Both mean the same, on each engine; data-list-search.test.ts holds them to it.
// Pure: no database access.
import {
  customerContains,
  ftsPhrase,
  prefixRange,
  sqliteCustomersContaining,
} from '@/lib/customers/data-search';
import { likeContains } from '@/lib/database/dialect';
import type { Engine } from '@/lib/database/url';
import { Prisma } from '@/lib/generated/prisma/client';
import { parseKeySearch, type KeySearch } from './search';

/** `column` starts with `lower`: the index range of data-search.ts's prefixRange. */
function startsWith(column: string, lower: string) {
  const { gte, lt } = prefixRange(lower);
  return Prisma.sql`${Prisma.raw(column)} >= ${gte} AND ${Prisma.raw(column)} < ${lt}`;
}

/** A search's key fragment in both its forms (parseKeySearch sets them together, or neither). */
type Fragment = { fragment: string; asciiFragment: string };

const fragmentOf = ({ fragment, asciiFragment }: KeySearch): Fragment | null =>
  fragment !== undefined && asciiFragment !== undefined ? { fragment, asciiFragment } : null;

/**
 * The key with its dashes removed holds the search's fragment, compared through lower() (SQLite's
 * folds A–Z only, so its fragment is lower-cased the same way). On SQLite this also checks the
 * rows the FTS5 index finds, which are a superset: the index folds case as lower() does on A–Z.
 */
function keyHoldsFragment(engine: Engine, key: string, fragment: Fragment) {
  const bare = Prisma.raw(`lower(replace(${key}, '-', ''))`);
  return engine === 'postgresql'
    ? likeContains(bare, fragment.fragment)
    : Prisma.sql`instr(${bare}, ${fragment.asciiFragment}) > 0`;
}

/**
 * Ids of the business's customers whose name or email holds the search, from their indexes, as
 * queries to put together with `UNION` (each customer once) or `UNION ALL` (an estimate; with
 * `disjoint`, each customer once too: the email's part leaves out the names the first one found).
 */
function matchingCustomers(
  engine: Engine,
  businessId: string,
  search: KeySearch,
  { disjoint = false } = {},
) {
  const { customerText: q } = search;
  if (!search.customerSubstring) {
    const byName = startsWith('"nameLower"', q);
    return [
      Prisma.sql`SELECT "id" FROM "Customer" WHERE "businessId" = ${businessId} AND ${byName}`,
      Prisma.sql`SELECT "id" FROM "Customer" WHERE "businessId" = ${businessId} AND ${startsWith('"emailLower"', q)}${
        disjoint ? Prisma.sql` AND NOT (${byName})` : Prisma.empty
      }`,
    ];
  }
  if (engine === 'postgresql') {
    return [
      Prisma.sql`SELECT "id" FROM "Customer" WHERE "businessId" = ${businessId} AND ${customerContains(engine, q)}`,
    ];
  }
  return [Prisma.sql`SELECT "id" FROM (${sqliteCustomersContaining(businessId, q)})`];
}

/**
 * SQLite: FTS5's query for the fragment, in the form lower() compares (asciiFragment), so that the
 * index finds every key instr() does: FTS5 folds the query one character at a time, as it folds the
 * keys, where JavaScript's lower case may change a character's length ("İ" becomes two).
 */
const ftsFragment = (fragment: Fragment) => ftsPhrase(fragment.asciiFragment);

/** Ids of the business's keys whose fragment matches, from the trigram index. */
function keysWithFragment(engine: Engine, businessId: string, search: KeySearch) {
  const fragment = fragmentOf(search);
  if (!fragment) return null;
  return engine === 'postgresql'
    ? Prisma.sql`SELECT "id" FROM "LicenseKey" WHERE "businessId" = ${businessId}
        AND ${keyHoldsFragment(engine, '"key"', fragment)}`
    : Prisma.sql`SELECT l."id" FROM "LicenseKeySearch" s CROSS JOIN "LicenseKey" l
        WHERE "LicenseKeySearch" MATCH ${ftsFragment(fragment)} AND l.rowid = s.rowid
          AND l."businessId" = ${businessId} AND ${keyHoldsFragment(engine, 'l."key"', fragment)}`;
}

/**
 * Whether the key row `k`, whose customer row is `customer`, is one the search finds:
 * matchingKeyRows for one row, in the same terms (the fragment through keyHoldsFragment, the
 * customer through the prefix ranges or customerContains), for a page that reads the list in its
 * order.
 */
export function keyRowMatches(engine: Engine, text: string, customer: string): Prisma.Sql {
  const search = parseKeySearch(text);
  const tests: Prisma.Sql[] = [];
  if (search.id) tests.push(Prisma.sql`k."id" = ${search.id}`);
  tests.push(Prisma.sql`k."key" = ${search.text}`);
  const fragment = fragmentOf(search);
  if (fragment) tests.push(keyHoldsFragment(engine, 'k."key"', fragment));
  tests.push(
    search.customerSubstring
      ? customerContains(engine, search.customerText, customer)
      : Prisma.sql`(${startsWith(`${customer}."nameLower"`, search.customerText)}
          OR ${startsWith(`${customer}."emailLower"`, search.customerText)})`,
  );
  return Prisma.sql`(${Prisma.join(tests, ' OR ')})`;
}

/**
 * The business's keys the search finds, each once, as rows of `columns` of `k`, for counting them
 * as they come (a count stops at its bound) and for a page read by its matches: one part per way
 * of finding a key (the fragment, the whole key, the id, the customer's name or email), each from
 * its index, none of them repeating a key an earlier one found (a UNION would remove repeats only
 * once it had read them all: "PRD3" at a million keys, counted to 10,000, SQLite, 138 ms as a
 * UNION of ids, 23 as this). A condition on `k` around it reaches each part.
 */
export function matchingKeyRows(
  engine: Engine,
  businessId: string,
  text: string,
  columns: Prisma.Sql,
): Prisma.Sql {
  const search = parseKeySearch(text);
  const parts: Prisma.Sql[] = [];
  const earlier: Prisma.Sql[] = [];
  const notEarlier = () =>
    earlier.length ? Prisma.sql` AND NOT (${Prisma.join(earlier, ' OR ')})` : Prisma.empty;
  const fragment = fragmentOf(search);
  if (fragment) {
    const holds = keyHoldsFragment(engine, 'k."key"', fragment);
    parts.push(
      engine === 'postgresql'
        ? Prisma.sql`SELECT ${columns} FROM "LicenseKey" k WHERE k."businessId" = ${businessId} AND ${holds}`
        : Prisma.sql`SELECT ${columns} FROM "LicenseKeySearch" s CROSS JOIN "LicenseKey" k
            WHERE "LicenseKeySearch" MATCH ${ftsFragment(fragment)} AND k.rowid = s.rowid
              AND k."businessId" = ${businessId} AND ${holds}`,
    );
    earlier.push(holds);
  }
  const exact = Prisma.sql`k."key" = ${search.text}`;
  parts.push(Prisma.sql`SELECT ${columns} FROM "LicenseKey" k
    WHERE ${exact} AND k."businessId" = ${businessId}${notEarlier()}`);
  earlier.push(exact);
  if (search.id) {
    const byId = Prisma.sql`k."id" = ${search.id}`;
    parts.push(Prisma.sql`SELECT ${columns} FROM "LicenseKey" k
      WHERE ${byId} AND k."businessId" = ${businessId}${notEarlier()}`);
    earlier.push(byId);
  }
  // Customer by customer, each one's keys from the customer index, so that the count can stop
  // early: PostgreSQL would otherwise hash every matching customer first ("dana" counted to 1,000
  // at a million keys: 160 ms as a hash join; LATERAL, kept from being pulled up into a join by
  // OFFSET 0, makes it a loop), SQLite needs the index named (CROSS JOIN fixes the order).
  for (const customers of matchingCustomers(engine, businessId, search, { disjoint: true })) {
    const keysOf = Prisma.sql`k."businessId" = ${businessId} AND k."customerId" = c."id"${notEarlier()}`;
    parts.push(
      engine === 'postgresql'
        ? Prisma.sql`SELECT k.* FROM (${customers}) c CROSS JOIN LATERAL (
            SELECT ${columns} FROM "LicenseKey" k WHERE ${keysOf} OFFSET 0) k`
        : Prisma.sql`SELECT ${columns} FROM (${customers}) c
            CROSS JOIN "LicenseKey" k INDEXED BY "LicenseKey_list_customer_idx" WHERE ${keysOf}`,
    );
  }
  return Prisma.join(parts, ' UNION ALL ');
}

/**
 * How many keys the search finds, counted no further than `cap`, cheaply: the fragment's keys and
 * the matching customers (one key each, as most customers have), read from their indexes as they
 * come, a key or customer found twice counted twice. It only chooses how a page is read.
 */
export function matchEstimate(engine: Engine, businessId: string, text: string, cap: number) {
  const search = parseKeySearch(text);
  const byFragment = keysWithFragment(engine, businessId, search);
  const parts = [
    ...(byFragment ? [byFragment] : []),
    ...matchingCustomers(engine, businessId, search),
  ];
  return Prisma.sql`SELECT count(*) AS "count" FROM (
    SELECT 1 AS one FROM (${Prisma.join(parts, ' UNION ALL ')}) found LIMIT ${cap}) counted`;
}
