import 'server-only';
import { assertCan, type Actor } from '@/lib/auth/authorize';
import { databaseUrl, db, dbEngine, direct } from '@/lib/db';
import { streamRows } from '@/lib/database/stream-rows';
import type { Page } from '@/lib/paging';
import { licenseKeyStatus, type LicenseKeySource } from './status';
import type { LicenseKey, LicenseKeyRecord } from './data-read';
import {
  countQuery,
  offsetPageQuery,
  segmentPageQuery,
  segmentStreamQuery,
  segmentsOf,
  type ListQueryInput,
  type Segment,
} from './data-list-query';
import { encodeCursor, type Cursor, type LicenseKeyFilter, type ListSort } from './list';

/** Up to this many keys a list counts exactly; past it, it says "more than" (a bounded count). */
export const LIST_COUNT_BOUND = 10_000;

type KeyRow = {
  id: string;
  key: string;
  customerId: string;
  productId: string;
  activationsLimit: number | bigint | null;
  expiresAt: Date | string | null;
  disabled: boolean | number | bigint;
  instancesCount: number | bigint;
  source: LicenseKeySource;
  paymentId: string | null;
  subscriptionId: string | null;
  createdAt: Date | string;
};
type NamedKeyRow = KeyRow & { customerName: string; customerEmail: string; productName: string };

// Raw rows come typed by column on both engines; these also take SQLite's text and integer forms.
const instant = (value: Date | string) => (value instanceof Date ? value : new Date(value));

function toRecord(businessId: string, row: KeyRow, now: Date): LicenseKeyRecord {
  const expiresAt = row.expiresAt === null ? null : instant(row.expiresAt);
  const disabled = Boolean(Number(row.disabled));
  return {
    id: row.id,
    businessId,
    key: row.key,
    status: licenseKeyStatus({ disabled, expiresAt }, now),
    source: row.source,
    customerId: row.customerId,
    productId: row.productId,
    activationsLimit: row.activationsLimit === null ? null : Number(row.activationsLimit),
    instancesCount: Number(row.instancesCount),
    expiresAt,
    createdAt: instant(row.createdAt),
    paymentId: row.paymentId,
    subscriptionId: row.subscriptionId,
  };
}

/**
 * The record with its names added in place: a spread copy (`{ ...record, customer, product }`) cost
 * the export of a million keys half its rate and grew its heap by ~100 MB (key-list bench).
 */
function toKey(businessId: string, row: NamedKeyRow, now: Date): LicenseKey {
  return Object.assign(toRecord(businessId, row, now), {
    customer: { id: row.customerId, name: row.customerName, email: row.customerEmail },
    product: { id: row.productId, name: row.productName },
  });
}

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

/** The rows of one page by offset, with or without the names (offsetPageQuery). */
function offsetPage(actor: Actor, filter: LicenseKeyFilter, page: Page, now: Date, names: boolean) {
  assertCan(actor, 'keys:view');
  const input = { engine: dbEngine, businessId: actor.businessId, filter, now };
  const offset = page.pageNumber * page.pageSize;
  return direct.rows(offsetPageQuery(input, offset, page.pageSize, { names }));
}

/**
 * Up to `limit` keys in reading order from `cursor` (`reverse`: backwards from it, nearest first),
 * across the sort's runs.
 */
async function readRuns(
  input: ListQueryInput,
  sort: ListSort,
  cursor: Cursor | null,
  limit: number,
  reverse: boolean,
): Promise<LicenseKey[]> {
  const segments = segmentsOf(sort);
  const ordered = reverse ? [...segments].reverse() : segments;
  const start = cursor ? ordered.findIndex((segment) => segment.holds(cursor.value)) : 0;
  const found: LicenseKey[] = [];
  for (let index = Math.max(start, 0); index < ordered.length && found.length < limit; index++) {
    const from = index === start ? cursor : null;
    const query = segmentPageQuery(input, ordered[index], from, limit - found.length, reverse);
    const rows = (await direct.rows(query)) as NamedKeyRow[];
    found.push(...rows.map((row) => toKey(input.businessId, row, input.now)));
  }
  return found;
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
  view: { sort: ListSort; cursor: Cursor | null; pageSize: number; countBound?: number },
  now = new Date(),
): Promise<LicenseKeyPage> {
  assertCan(actor, 'keys:view');
  const { sort, pageSize, countBound = LIST_COUNT_BOUND } = view;
  const input: ListQueryInput = { engine: dbEngine, businessId: actor.businessId, filter, now };
  let cursor = view.cursor;
  let keys: LicenseKey[];
  let more: boolean;
  if (cursor?.direction === 'before') {
    const read = await readRuns(input, sort, cursor, pageSize + 1, true);
    more = read.length > pageSize;
    keys = read.slice(0, pageSize).reverse();
    // Back at the start: show the first page whole rather than the few rows before the cursor.
    if (!more) cursor = null;
  }
  if (!cursor || cursor.direction === 'after') {
    const read = await readRuns(input, sort, cursor, pageSize + 1, false);
    more = read.length > pageSize;
    keys = read.slice(0, pageSize);
  }
  const [first, last] = [keys![0], keys!.at(-1)];
  const atStart = !cursor || !first;
  const encode = (key: LicenseKey) => encodeCursor(sortValue(sort, key), key.id);
  const [total, before] = await Promise.all([
    count(input, countBound, []),
    atStart
      ? 0
      : countBefore(
          input,
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
