import type { Engine } from '@/lib/database/url';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Cursor, LicenseKeyFilter, ListSort } from './list';
import { matchedKeys } from './data-list-search';

// The key list as SQL, for both engines: one function from (filter, sort, cursor) to the statement,
// pure, so that tests read the SQL each filter becomes. Every statement is scoped to one business and
// driven by an index (prisma/schema.prisma, prisma/sql/*-license-key-search.sql):
//   - no search: the index that matches the filter and the order, read in order, stopped at the limit;
//   - a search: the matching keys first (key fragment: FTS5 trigram / pg_trgm; customer: the customer
//     search indexes; key id; the exact key), then the filters and the order on those rows only.

/** One ordered run of rows: a sort is one run (newest) or two (expiry: dated, then never). */
export type Segment = {
  /** What rows the run holds, beyond the filter (null: all of them). */
  where: Prisma.Sql | null;
  /** The columns the run is ordered by, in the sort's own direction. */
  order: Prisma.Sql[];
  descending: boolean;
  /** Whether a row with this sort value belongs to the run. */
  holds(value: Date | null): boolean;
  /**
   * Rows strictly past `cursor` in this run's reading order (`reverse`: strictly before it). Only
   * called with a cursor of this run.
   */
  past(cursor: Cursor, reverse: boolean): Prisma.Sql;
  /** The index SQLite reads the run from (see sqliteIndexFor). */
  sqliteIndex(filter: LicenseKeyFilter): string;
};

/**
 * The index a list without a search reads on SQLite, named with INDEXED BY. SQLite keeps no
 * statistics unless ANALYZE runs, and without them it may pick, say, the expiry index for a page of
 * expired keys newest first, then sort a quarter of a million rows; PostgreSQL plans from its own
 * statistics. A page reads, in order, the index whose leading columns are the filter's equality
 * (the status and expiry columns ride at the end of the busy ones, so those filters are checked in
 * the index); a count of an expiry filter reads the expiry range alone.
 */
export function sqliteIndexFor(filter: LicenseKeyFilter, purpose: 'page' | 'count'): string {
  if (filter.customerId) return 'LicenseKey_list_customer_idx';
  if (filter.productId) return 'LicenseKey_list_product_idx';
  // Partial: only the keys at their limit (prisma/sql/sqlite-license-key-at-limit.sql), newest first.
  if (filter.usage === 'at-limit') return 'LicenseKey_at_limit_idx';
  if (purpose === 'count' && (filter.expires || filter.status === 'expired')) {
    return 'LicenseKey_list_expiry_idx';
  }
  if (filter.status === 'disabled') return 'LicenseKey_list_disabled_idx';
  if (filter.source) return 'LicenseKey_list_source_idx';
  return 'LicenseKey_list_newest_idx';
}

const k = (column: string) => Prisma.raw(`k."${column}"`);
const op = (ascending: boolean) => Prisma.raw(ascending ? '>' : '<');

/** The runs of a sort, in reading order. */
export function segmentsOf(sort: ListSort): Segment[] {
  if (sort === 'newest') {
    return [
      {
        where: null,
        order: [k('createdAt'), k('id')],
        descending: true,
        holds: () => true,
        past: ({ value, id }, reverse) =>
          Prisma.sql`(k."createdAt", k."id") ${op(reverse)} (${value}, ${id})`,
        sqliteIndex: (filter) => sqliteIndexFor(filter, 'page'),
      },
    ];
  }
  return [
    {
      where: Prisma.sql`k."expiresAt" IS NOT NULL`,
      order: [k('expiresAt'), k('id')],
      descending: false,
      holds: (value) => value !== null,
      past: ({ value, id }, reverse) =>
        Prisma.sql`(k."expiresAt", k."id") ${op(!reverse)} (${value}, ${id})`,
      sqliteIndex: () => 'LicenseKey_list_expiry_idx',
    },
    {
      where: Prisma.sql`k."expiresAt" IS NULL`,
      order: [k('id')],
      descending: false,
      holds: (value) => value === null,
      past: ({ id }, reverse) => Prisma.sql`k."id" ${op(!reverse)} ${id}`,
      sqliteIndex: () => 'LicenseKey_list_expiry_idx',
    },
  ];
}

const DAY = 24 * 60 * 60 * 1000;

/** The filter as conditions on `k`, the key row; the search is not among them (see matchedKeys). */
export function filterConditions(
  engine: Engine,
  businessId: string,
  filter: LicenseKeyFilter,
  now: Date,
): Prisma.Sql[] {
  const conditions = [Prisma.sql`k."businessId" = ${businessId}`];
  if (filter.customerId) conditions.push(Prisma.sql`k."customerId" = ${filter.customerId}`);
  if (filter.productId) conditions.push(Prisma.sql`k."productId" = ${filter.productId}`);
  if (filter.source) conditions.push(Prisma.sql`k."source" = ${filter.source}`);
  if (filter.createdFrom) conditions.push(Prisma.sql`k."createdAt" >= ${filter.createdFrom}`);
  if (filter.createdTo) conditions.push(Prisma.sql`k."createdAt" <= ${filter.createdTo}`);
  switch (filter.status) {
    case 'disabled':
      conditions.push(Prisma.sql`k."disabled" = ${true}`);
      break;
    case 'expired':
      conditions.push(Prisma.sql`k."disabled" = ${false}`, Prisma.sql`k."expiresAt" <= ${now}`);
      break;
    case 'active':
      conditions.push(
        Prisma.sql`k."disabled" = ${false}`,
        Prisma.sql`(k."expiresAt" IS NULL OR k."expiresAt" > ${now})`,
      );
      break;
  }
  switch (filter.expires) {
    case 'next-7-days':
    case 'next-30-days': {
      const until = new Date(now.getTime() + (filter.expires === 'next-7-days' ? 7 : 30) * DAY);
      conditions.push(Prisma.sql`k."expiresAt" > ${now}`, Prisma.sql`k."expiresAt" <= ${until}`);
      break;
    }
    case 'expired':
      conditions.push(Prisma.sql`k."expiresAt" <= ${now}`);
      break;
    case 'never':
      conditions.push(Prisma.sql`k."expiresAt" IS NULL`);
      break;
  }
  switch (filter.usage) {
    case 'at-limit':
      // Written as the partial index LicenseKey_at_limit_idx's own WHERE, so that it applies. On
      // PostgreSQL that is a generated column of the same condition, so that an activation's UPDATE
      // of "instancesCount" stays in place (prisma/sql/postgresql-license-key-at-limit.sql).
      conditions.push(
        engine === 'postgresql'
          ? Prisma.sql`k."limitReached"`
          : Prisma.sql`k."activationsLimit" IS NOT NULL AND k."instancesCount" >= k."activationsLimit"`,
      );
      break;
    case 'in-use':
      conditions.push(Prisma.sql`k."instancesCount" > 0`);
      break;
    case 'limited':
      conditions.push(Prisma.sql`k."activationsLimit" IS NOT NULL`);
      break;
    case 'unlimited':
      conditions.push(Prisma.sql`k."activationsLimit" IS NULL`);
      break;
  }
  return conditions;
}

export type ListQueryInput = {
  engine: Engine;
  businessId: string;
  filter: LicenseKeyFilter;
  now: Date;
};

/**
 * `FROM … WHERE …` of the key rows a filter selects, `k` being the key: with a search, the matching
 * keys (materialized, so that each engine reads them first rather than walking the whole business
 * in order and probing), joined to their rows; otherwise the key table itself. `withNames` joins
 * each key's customer `c` and product `p` after it (the key drives: CROSS JOIN fixes the order on
 * SQLite).
 */
export function keysFrom(
  { engine, businessId, filter, now }: ListQueryInput,
  extra: Prisma.Sql[],
  sqliteIndex: string,
  withNames = false,
) {
  const joined = withNames
    ? {
        tables: Prisma.raw(' CROSS JOIN "Customer" c CROSS JOIN "Product" p'),
        conditions: [Prisma.sql`c."id" = k."customerId"`, Prisma.sql`p."id" = k."productId"`],
      }
    : { tables: Prisma.empty, conditions: [] };
  const conditions = Prisma.join(
    [...filterConditions(engine, businessId, filter, now), ...extra, ...joined.conditions],
    ' AND ',
  );
  if (!filter.search) {
    const indexed = engine === 'sqlite' ? Prisma.raw(` INDEXED BY "${sqliteIndex}"`) : Prisma.empty;
    return Prisma.sql`FROM "LicenseKey" k${indexed}${joined.tables} WHERE ${conditions}`;
  }
  const materialized = engine === 'postgresql' ? Prisma.raw('MATERIALIZED ') : Prisma.empty;
  // CROSS JOIN fixes the join order on SQLite (the matches drive); PostgreSQL plans it as a join.
  return Prisma.sql`FROM (WITH matched AS ${materialized}(${matchedKeys(engine, businessId, filter.search)})
      SELECT "id" FROM matched) m CROSS JOIN "LicenseKey" k${joined.tables}
    WHERE k."id" = m."id" AND ${conditions}`;
}

const keyColumns = Prisma.sql`k."id", k."key", k."customerId", k."productId", k."activationsLimit",
  k."expiresAt", k."disabled", k."instancesCount", k."source", k."paymentId", k."subscriptionId",
  k."createdAt"`;
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
) {
  const extra = [segment.where, cursor ? segment.past(cursor, reverse) : null].filter(
    (condition): condition is Prisma.Sql => condition !== null,
  );
  const order = orderBy(segment, reverse);
  return Prisma.sql`
    SELECT k.*${nameColumns}
    FROM (SELECT ${keyColumns} ${keysFrom(input, extra, segment.sqliteIndex(input.filter))} ORDER BY ${order} LIMIT ${limit}) k
    CROSS JOIN "Customer" c CROSS JOIN "Product" p
    WHERE c."id" = k."customerId" AND p."id" = k."productId"
    ORDER BY ${order}`;
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
      ORDER BY ${order} LIMIT ${limit}`;
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

/**
 * How many keys the filter selects (with `extra`: of those, how many in a run before a row), counting
 * no further than `bound`: `bound + 1` means "more".
 */
export function countQuery(
  input: ListQueryInput,
  bound: number,
  extra: Prisma.Sql[] = [],
  index = sqliteIndexFor(input.filter, 'count'),
) {
  return Prisma.sql`SELECT count(*) AS "count"
    FROM (SELECT 1 AS one ${keysFrom(input, extra, index)} LIMIT ${bound + 1}) counted`;
}
