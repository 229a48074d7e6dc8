import type { Engine } from '@/lib/database/url';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Cursor, LicenseKeyFilter } from './list';
import { filterConditions } from './data-list-filter';
import { keyRowMatches, matchingKeyRows } from './data-list-search';
import { segmentsOf, sqliteIndexFor, type Segment } from './data-list-order';

// The key list as SQL, for both engines: one function from (filter, sort, cursor) to the statement,
// pure, so that tests read the SQL each filter becomes. Every statement is scoped to one business and
// driven by an index (prisma/schema.prisma, prisma/sql/*-license-key-search.sql):
//   - no search: the index that matches the filter and the order, read in order, stopped at the limit;
//   - a search that finds few keys ('matches'): the matching keys' rows first, each way of
//     finding a key from its index (key fragment: FTS5 trigram / pg_trgm; customer: the customer
//     search indexes; key id; the exact key) with the filter applied there, then ordered;
//   - a search that finds many ('order'): the list as without a search, each row tested against it,
//     up to a window's end (data-list-runs.ts chooses, and reads on by matches past the window).

export type ListQueryInput = {
  engine: Engine;
  businessId: string;
  filter: LicenseKeyFilter;
  now: Date;
  /** How a search is read: its matches first (the default), or the list in order, row by row. */
  searchBy?: 'matches' | 'order';
};

/**
 * `FROM … WHERE …` of the key rows a filter selects, `k` being the key: with a search read by its
 * matches, the matching keys' rows (matchingKeyRows), filtered; otherwise the key table itself,
 * read from the filter's index, and with a search each row and its customer `sc` tested.
 * `withNames` joins each key's customer `c` and product `p` after it (the key drives: CROSS JOIN
 * fixes the order on SQLite).
 */
export function keysFrom(
  input: ListQueryInput,
  extra: Prisma.Sql[],
  sqliteIndex: string,
  withNames = false,
) {
  const { engine, businessId, filter, now, searchBy = 'matches' } = input;
  const joined = withNames
    ? {
        tables: Prisma.raw(' CROSS JOIN "Customer" c CROSS JOIN "Product" p'),
        conditions: [Prisma.sql`c."id" = k."customerId"`, Prisma.sql`p."id" = k."productId"`],
      }
    : { tables: Prisma.empty, conditions: [] };
  if (filter.search && searchBy === 'matches') {
    // Each way of finding a key reads its index with the filter applied there: PostgreSQL reads a
    // fragment's trigram index and the filter's together; a customer's keys are looked up customer
    // by customer, not hashed against the whole run. At a million keys, "PRD19" among disabled
    // keys (460 of 53,000 found) read in 18 ms rather than 411 on PostgreSQL, 107 rather than 269
    // on SQLite. OFFSET 0 keeps the matches a set PostgreSQL orders once read, not one it walks.
    const found = filteredMatches(input, extra, matchColumns(engine));
    const set = engine === 'postgresql' ? Prisma.raw(' OFFSET 0') : Prisma.empty;
    const names = joined.conditions.length
      ? Prisma.sql` WHERE ${Prisma.join(joined.conditions, ' AND ')}`
      : Prisma.empty;
    return Prisma.sql`FROM (SELECT * ${found}${set}) k${joined.tables}${names}`;
  }
  const conditions = Prisma.join(
    [...filterConditions(engine, businessId, filter, now), ...extra, ...joined.conditions],
    ' AND ',
  );
  const indexed = engine === 'sqlite' ? Prisma.raw(` INDEXED BY "${sqliteIndex}"`) : Prisma.empty;
  if (!filter.search) {
    return Prisma.sql`FROM "LicenseKey" k${indexed}${joined.tables} WHERE ${conditions}`;
  }
  return Prisma.sql`FROM "LicenseKey" k${indexed} CROSS JOIN "Customer" sc${joined.tables}
    WHERE ${conditions} AND sc."id" = k."customerId" AND ${keyRowMatches(engine, filter.search, 'sc')}`;
}

/** The key columns a page reads. */
const KEY_COLUMNS = [
  'id',
  'key',
  'customerId',
  'productId',
  'activationsLimit',
  'expiresAt',
  'disabled',
  'instancesCount',
  'source',
  'paymentId',
  'subscriptionId',
  'createdAt',
];
const columnsOf = (names: string[]) => Prisma.raw(names.map((name) => `k."${name}"`).join(', '));
const keyColumns = columnsOf(KEY_COLUMNS);
const nameColumns = Prisma.sql`, c."name" AS "customerName", c."email" AS "customerEmail",
  p."name" AS "productName"`;

function orderBy(segment: Segment, reverse: boolean) {
  const direction = Prisma.raw(segment.descending !== reverse ? 'DESC' : 'ASC');
  return Prisma.join(
    segment.order.map((column) => Prisma.sql`${column} ${direction}`),
    ', ',
  );
}

/**
 * One run's rows of a page, at most `limit`, with their customer and product: the keys first
 * (ordered and cut by the index), then the two lookups for those rows only.
 */
export function segmentPageQuery(
  input: ListQueryInput,
  segment: Segment,
  cursor: Cursor | null,
  limit: number,
  reverse: boolean,
  windowEnd: Cursor | null = null,
) {
  const extra = [
    segment.where,
    cursor ? segment.past(cursor, reverse) : null,
    windowEnd ? segment.upTo(windowEnd, reverse) : null,
  ].filter((condition): condition is Prisma.Sql => condition !== null);
  const order = orderBy(segment, reverse);
  return Prisma.sql`
    SELECT k.*${nameColumns}
    FROM (SELECT ${keyColumns} ${keysFrom(input, extra, segment.sqliteIndex(input.filter))} ORDER BY ${order} LIMIT ${limit}) k
    CROSS JOIN "Customer" c CROSS JOIN "Product" p
    WHERE c."id" = k."customerId" AND p."id" = k."productId"
    ORDER BY ${order}`;
}

/**
 * The `size`th row of the run past `cursor` in reading order, by the filter alone (no search): the
 * end of the window a page read in order tests rows in, so that a search whose matches lie far
 * down the list costs a bounded read before the page reads on by its matches. No row when the run
 * ends sooner.
 */
export function windowEndQuery(
  input: ListQueryInput,
  segment: Segment,
  cursor: Cursor | null,
  size: number,
  reverse: boolean,
) {
  const unsearched = { ...input, filter: { ...input.filter, search: undefined } };
  const extra = [segment.where, cursor ? segment.past(cursor, reverse) : null].filter(
    (condition): condition is Prisma.Sql => condition !== null,
  );
  return Prisma.sql`SELECT k."id", ${segment.value} AS "value"
    ${keysFrom(unsearched, extra, segment.sqliteIndex(input.filter))}
    ORDER BY ${orderBy(segment, reverse)} LIMIT 1 OFFSET ${size - 1}`;
}

/**
 * Every row of one run, in order, with its customer and product: the export's read, streamed by
 * the driver (lib/database/stream-rows.ts). The keys drive the join (CROSS JOIN), read in order
 * from the run's index, so no engine sorts a million rows first.
 */
export function segmentStreamQuery(input: ListQueryInput, segment: Segment) {
  const extra = segment.where ? [segment.where] : [];
  const order = orderBy(segment, false);
  return Prisma.sql`
    SELECT ${keyColumns}${nameColumns}
    ${keysFrom(input, extra, segment.sqliteIndex(input.filter), true)}
    ORDER BY ${order}`;
}

/**
 * A first page's LIMIT, written into its SQL rather than bound: the smallest of 10, 25, 50 and 100
 * that holds the page (its reader drops the rows past the page). PostgreSQL plans a statement whose
 * LIMIT is a parameter anew on every run (its plan for any limit assumes a tenth of the business's
 * keys): for a REST page of ten at a million keys, 0.085 ms of planning against 0.02 ms of reading.
 * With the limit in the text the plan is kept after the fifth run (0.003 ms); a few fixed limits
 * keep the statements a connection prepares few, whatever page sizes callers ask for.
 */
export function firstPageLimit(pageSize: number): number {
  if (!Number.isSafeInteger(pageSize) || pageSize < 1) {
    throw new RangeError(`A page holds a whole number of keys, not ${pageSize}`);
  }
  return [10, 25, 50, 100].find((limit) => limit >= pageSize) ?? pageSize;
}

/**
 * One page of `page_number` paging, newest first: the offset is walked on the index alone (the
 * inner select reads only indexed columns), then the page's rows are read by id. `names` joins each
 * key's customer and product (the customer page shows them; the REST API's keys carry only ids).
 *
 * The first page, which nearly every caller asks for, skips nothing: there the keys are read in
 * order from the index, without the ids' list and the second sort (and, on SQLite, joined to their
 * names as they come). Ten rows in a loop on SQLite: 60 µs with names instead of 81, 40 without
 * instead of 52; the old REST page, names joined after the ids' list, took 81. PostgreSQL plans
 * the join of a first page with names from its statistics, in the one form.
 */
export function offsetPageQuery(
  input: ListQueryInput,
  offset: number,
  limit: number,
  { names }: { names: boolean },
) {
  const [segment] = segmentsOf('newest');
  const order = orderBy(segment, false);
  const index = segment.sqliteIndex(input.filter);
  if (offset === 0 && (!names || input.engine === 'sqlite')) {
    return Prisma.sql`
      SELECT ${keyColumns}${names ? nameColumns : Prisma.empty}
      ${keysFrom(input, [], index, names)}
      ORDER BY ${order} LIMIT ${Prisma.raw(String(firstPageLimit(limit)))}`;
  }
  const rows = Prisma.sql`SELECT ${keyColumns} FROM "LicenseKey" k WHERE k."id" IN (
      SELECT k."id" ${keysFrom(input, [], index)} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset})`;
  if (!names) return Prisma.sql`${rows} ORDER BY ${order}`;
  return Prisma.sql`
    SELECT k.*${nameColumns}
    FROM (${rows}) k
    CROSS JOIN "Customer" c CROSS JOIN "Product" p
    WHERE c."id" = k."customerId" AND p."id" = k."productId"
    ORDER BY ${order}`;
}

/** The key columns a filter or a run's cursor tests (filterConditions, Segment.past). */
const filteredColumnNames = (engine: Engine) => [
  'id',
  'businessId',
  'customerId',
  'productId',
  'source',
  'createdAt',
  'expiresAt',
  'disabled',
  'activationsLimit',
  'instancesCount',
  ...(engine === 'postgresql' ? ['limitReached'] : []),
];

/** A search's matching rows read for a page: the columns it reads and those its filter tests. */
const matchColumns = (engine: Engine) =>
  columnsOf([...new Set([...KEY_COLUMNS, ...filteredColumnNames(engine)])]);

/**
 * `FROM … WHERE …` of the keys a search finds (matchingKeyRows) as rows of `columns`, with the
 * filter and `extra` around them: each engine tests them where each way of finding a key reads.
 */
function filteredMatches(input: ListQueryInput, extra: Prisma.Sql[], columns: Prisma.Sql) {
  const { engine, businessId, filter, now } = input;
  const conditions = [...filterConditions(engine, businessId, filter, now), ...extra];
  return Prisma.sql`FROM (${matchingKeyRows(engine, businessId, filter.search!, columns)}) k
    WHERE ${Prisma.join(conditions, ' AND ')}`;
}

/**
 * How many keys the filter selects (with `extra`: of those, how many in a run before a row), counting
 * no further than `bound`: `bound + 1` means "more". A search's keys are counted as they come from
 * its indexes (matchingKeyRows), so that the count stops at its bound rather than after reading
 * every match.
 */
export function countQuery(
  input: ListQueryInput,
  bound: number,
  extra: Prisma.Sql[] = [],
  index = sqliteIndexFor(input.filter, 'count'),
) {
  const from = input.filter.search
    ? filteredMatches(input, extra, columnsOf(filteredColumnNames(input.engine)))
    : keysFrom(input, extra, index);
  return Prisma.sql`SELECT count(*) AS "count"
    FROM (SELECT 1 AS one ${from} LIMIT ${bound + 1}) counted`;
}
