import 'server-only';
import { assertCan, type Actor } from '@/lib/auth/authorize';
import { databaseUrl, db, dbEngine, direct } from '@/lib/db';
import { gatheredPerTurn } from '@/lib/database/coalesced';
import type { Row } from '@/lib/database/direct';
import { streamRows } from '@/lib/database/stream-rows';
import type { Page } from '@/lib/paging';
import type { LicenseKey, LicenseKeyRecord } from './data-read';
import { segmentsOf, type Segment } from './data-list-order';
import {
  countQuery,
  offsetPageQuery,
  segmentStreamQuery,
  type ListQueryInput,
} from './data-list-query';
import { toKey, toRecord, type KeyRow, type NamedKeyRow } from './data-list-rows';
import { readRuns, SEARCH_BY_ORDER_FROM, SEARCH_WINDOW, searchBy } from './data-list-runs';
import { encodeCursor, type Cursor, type LicenseKeyFilter, type ListSort } from './list';

/** Up to this many keys a list counts exactly; past it, it says "more than" (a bounded count). */
export const LIST_COUNT_BOUND = 10_000;
/**
 * A search's bound. Its keys are counted one by one from the search's indexes, not along a list
 * index, so counting to 10,000 cost "dana" ~95 ms at a million keys on SQLite (to 1,000: 5 ms).
 */
export const SEARCH_COUNT_BOUND = 1_000;

/** A key's value in a sort: what its cursor holds. */
const sortValue = (sort: ListSort, key: LicenseKey) =>
  sort === 'newest' ? key.createdAt : key.expiresAt;

/** Keys of the actor's business, newest first (ties by id), filtered, one page by offset. */
export async function listLicenseKeys(
  actor: Actor,
  filter: LicenseKeyFilter,
  page: Page,
  now = new Date(),
): Promise<LicenseKey[]> {
  const rows = (await offsetPage(actor, filter, page, now, true)) as NamedKeyRow[];
  return rows.map((row) => toKey(actor.businessId, row, now));
}

/** The same page without the customers' and products' names (the REST API's list). */
export async function listLicenseKeyRecords(
  actor: Actor,
  filter: LicenseKeyFilter,
  page: Page,
  now = new Date(),
): Promise<LicenseKeyRecord[]> {
  const rows = (await offsetPage(actor, filter, page, now, false)) as KeyRow[];
  return rows.map((row) => toRecord(actor.businessId, row, now));
}

/**
 * A page's one statement. On SQLite the pages asked for in one turn of the event loop are read back
 * to back at its end (lib/database/coalesced.ts). A PostgreSQL read is a round trip of its own, which
 * this would not share.
 */
const readPage: (query: ReturnType<typeof offsetPageQuery>) => Promise<Row[]> =
  dbEngine === 'sqlite'
    ? gatheredPerTurn((query) => direct.rows(query))
    : (query) => direct.rows(query);

/**
 * The rows of one page by offset, with or without the names (offsetPageQuery). A first page may
 * read a few rows past its size (firstPageLimit): they are not the page's.
 */
async function offsetPage(
  actor: Actor,
  filter: LicenseKeyFilter,
  page: Page,
  now: Date,
  names: boolean,
) {
  assertCan(actor, 'keys:view');
  const input = { engine: dbEngine, businessId: actor.businessId, filter, now };
  const offset = page.pageNumber * page.pageSize;
  const rows = await readPage(offsetPageQuery(input, offset, page.pageSize, { names }));
  return rows.length > page.pageSize ? rows.slice(0, page.pageSize) : rows;
}

export type KeyCount = { value: number; exact: boolean };

const counted = (value: number, bound: number): KeyCount =>
  value > bound ? { value: bound, exact: false } : { value, exact: true };

async function count(
  input: ListQueryInput,
  bound: number,
  extra: Parameters<typeof countQuery>[2],
  index?: string,
) {
  const query = countQuery(input, bound, extra, index);
  const [row] = await db.$queryRaw<{ count: number | bigint }[]>(query);
  return Number(row.count);
}

/** How many keys come before `first` in the sort's order, counted up to `bound`. */
async function countBefore(input: ListQueryInput, sort: ListSort, first: Cursor, bound: number) {
  let total = 0;
  for (const segment of segmentsOf(sort) as Segment[]) {
    const extra = segment.where ? [segment.where] : [];
    // Read in the run's own order: the rows before the cursor are one range of its index.
    const index = segment.sqliteIndex(input.filter);
    if (segment.holds(first.value)) {
      const before = [...extra, segment.past(first, true)];
      return total + (await count(input, bound - total, before, index));
    }
    total += await count(input, bound - total, extra, index);
    if (total > bound) return total;
  }
  return total;
}

export type LicenseKeyPage = {
  keys: LicenseKey[];
  /** The cursor of the next page (`after`) and of the previous one (`before`), or null at an end. */
  next: string | null;
  previous: string | null;
  /** Keys before this page (where the page starts), and in the whole view. */
  offset: KeyCount;
  total: KeyCount;
};

/**
 * One page of the actor's business's keys: filtered, searched, in `sort`'s order, starting after
 * (or ending before) `cursor`. Keyset paging: any page costs what the first one does.
 */
export async function listLicenseKeyPage(
  actor: Actor,
  filter: LicenseKeyFilter,
  view: {
    sort: ListSort;
    cursor: Cursor | null;
    pageSize: number;
    countBound?: number;
    /** For tests: SEARCH_BY_ORDER_FROM (0: always in order) and SEARCH_WINDOW. */
    searchByOrderFrom?: number;
    searchWindow?: number;
  },
  now = new Date(),
): Promise<LicenseKeyPage> {
  assertCan(actor, 'keys:view');
  const { sort, pageSize } = view;
  const countBound = view.countBound ?? (filter.search ? SEARCH_COUNT_BOUND : LIST_COUNT_BOUND);
  const counting: ListQueryInput = { engine: dbEngine, businessId: actor.businessId, filter, now };
  // Counted while the page is read (PostgreSQL runs both at once); awaited below.
  const totalCount = count(counting, countBound, []);
  totalCount.catch(() => {});
  const input = {
    ...counting,
    searchBy: await searchBy(counting, view.searchByOrderFrom ?? SEARCH_BY_ORDER_FROM),
  };
  const window = view.searchWindow ?? SEARCH_WINDOW;
  let cursor = view.cursor;
  let keys: LicenseKey[];
  let more: boolean;
  if (cursor?.direction === 'before') {
    const read = await readRuns(input, sort, cursor, pageSize + 1, true, window);
    more = read.length > pageSize;
    keys = read.slice(0, pageSize).reverse();
    // Back at the start: show the first page whole rather than the few rows before the cursor.
    if (!more) cursor = null;
  }
  if (!cursor || cursor.direction === 'after') {
    const read = await readRuns(input, sort, cursor, pageSize + 1, false, window);
    more = read.length > pageSize;
    keys = read.slice(0, pageSize);
  }
  const [first, last] = [keys![0], keys!.at(-1)];
  const atStart = !cursor || !first;
  const encode = (key: LicenseKey) => encodeCursor(sortValue(sort, key), key.id);
  const [total, before] = await Promise.all([
    totalCount,
    atStart
      ? 0
      : countBefore(
          counting,
          sort,
          { direction: 'before', value: sortValue(sort, first), id: first.id },
          countBound,
        ),
  ]);
  const forward = cursor?.direction !== 'before';
  return {
    keys: keys!,
    next: last && (forward ? more! : true) ? encode(last) : null,
    previous: first && !atStart && (forward || more!) ? encode(first) : null,
    offset: counted(before, countBound),
    total: counted(total, countBound),
  };
}

/**
 * Every key of a view, in `sort`'s order, one at a time: read by the driver row by row
 * (streamRows), so memory stays flat however many keys the business holds. For the CSV export.
 */
export async function* streamLicenseKeys(
  actor: Actor,
  filter: LicenseKeyFilter,
  sort: ListSort,
  now = new Date(),
): AsyncGenerator<LicenseKey> {
  assertCan(actor, 'keys:view');
  const input: ListQueryInput = { engine: dbEngine, businessId: actor.businessId, filter, now };
  for (const segment of segmentsOf(sort)) {
    for await (const row of streamRows<NamedKeyRow>(
      databaseUrl,
      segmentStreamQuery(input, segment),
    )) {
      yield toKey(actor.businessId, row, now);
    }
  }
}
