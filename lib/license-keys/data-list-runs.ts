import 'server-only';
import { direct } from '@/lib/db';
import { instant } from '@/lib/database/direct';
import { segmentsOf, type Segment } from './data-list-order';
import { segmentPageQuery, windowEndQuery, type ListQueryInput } from './data-list-query';
import { toKey, type NamedKeyRow } from './data-list-rows';
import { matchEstimate } from './data-list-search';
import type { LicenseKey } from './data-read';
import type { Cursor, ListSort } from './list';

// How a page of the key list reads its rows (data-list.ts counts them and makes the page): the
// sort's runs one after another, and for a search, by its matches or in the list's order.

/**
 * A search that finds at least this many keys reads the list in its order, testing each row, rather
 * than reading all its matches and ordering them (at a million keys, SQLite, p50: "PRD3", one key
 * in twenty, 290 ms by its matches; a search that finds 2,000 keys, ~15 ms).
 */
export const SEARCH_BY_ORDER_FROM = 2_000;
/**
 * How many rows of the list a page read in order tests before it reads on by the search's matches:
 * enough for a page of 50 when one row in a hundred matches. Past it the page costs what a read by
 * matches does, plus the window: ~40 ms on SQLite at a million keys when the rows come in an order
 * unlike the table's (by expiry: each row and its customer from another page), ~10 ms newest first.
 */
export const SEARCH_WINDOW = 5_000;

/**
 * Up to `limit` keys in reading order from `cursor` (`reverse`: backwards from it, nearest first),
 * across the sort's runs.
 */
export async function readRuns(
  input: ListQueryInput,
  sort: ListSort,
  cursor: Cursor | null,
  limit: number,
  reverse: boolean,
  window = SEARCH_WINDOW,
): Promise<LicenseKey[]> {
  const segments = segmentsOf(sort);
  const ordered = reverse ? [...segments].reverse() : segments;
  const start = cursor ? ordered.findIndex((segment) => segment.holds(cursor.value)) : 0;
  const found: LicenseKey[] = [];
  const read = async (query: ReturnType<typeof segmentPageQuery>) => {
    const rows = (await direct.rows(query)) as NamedKeyRow[];
    found.push(...rows.map((row) => toKey(input.businessId, row, input.now)));
  };
  for (let index = Math.max(start, 0); index < ordered.length && found.length < limit; index++) {
    const segment = ordered[index];
    const from = index === start ? cursor : null;
    if (input.searchBy !== 'order') {
      await read(segmentPageQuery(input, segment, from, limit - found.length, reverse));
      continue;
    }
    // In order, up to the window's end; past it (when the window did not fill the page), by the
    // search's matches from there on.
    const end = await windowEnd(input, segment, from, reverse, window);
    await read(segmentPageQuery(input, segment, from, limit - found.length, reverse, end));
    if (end && found.length < limit) {
      const byMatches = { ...input, searchBy: 'matches' as const };
      await read(segmentPageQuery(byMatches, segment, end, limit - found.length, reverse));
    }
  }
  return found;
}

/** The cursor of the last row of a window of a run, or null when the run ends first. */
async function windowEnd(
  input: ListQueryInput,
  segment: Segment,
  from: Cursor | null,
  reverse: boolean,
  size: number,
): Promise<Cursor | null> {
  const [row] = await direct.rows(windowEndQuery(input, segment, from, size, reverse));
  if (!row) return null;
  const value = instant(row.value);
  return { direction: reverse ? 'before' : 'after', value, id: row.id as string };
}

/** How a page of this search is read: by its matches, or, when they are many, the list in order. */
export async function searchBy(input: ListQueryInput, from: number): Promise<'matches' | 'order'> {
  if (!input.filter.search) return 'matches';
  if (from <= 0) return 'order';
  if (!Number.isFinite(from)) return 'matches';
  const query = matchEstimate(input.engine, input.businessId, input.filter.search, from);
  const [row] = await direct.rows(query);
  return Number(row.count) >= from ? 'order' : 'matches';
}
