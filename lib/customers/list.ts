import { z } from 'zod';
import { searchQuerySchema } from '@/lib/search';

// The customer list's view as the dashboard's URL holds it (search and cursor), the row it shows,
// the cursor format and the status line. No server imports: the page and the tests read these.

/** Customers a list page shows. */
export const CUSTOMER_PAGE_SIZE = 50;
/** Counted exactly up to here; past it the list says "more than 10,000". */
export const CUSTOMER_COUNT_BOUND = 10_000;
/**
 * A search lists every customer whose name starts with the text, page after page; the other matches
 * (email starting with it, name or email containing it) are gathered up to this many per search:
 * they are read again for every page, and through Prisma 1,000 rows cost ~15 ms, 200 ~2 ms.
 */
export const OTHER_MATCHES_BOUND = 200;

/** One row of the customer list. */
export type CustomerListRow = {
  id: string;
  name: string;
  email: string;
  createdAt: Date;
  /** How many license keys the customer has. */
  keyCount: number;
};

/** The list's order within a part: by lower-cased name, byte by byte as both engines index it, then id. */
export function compareByNameLower(
  a: { nameLower: string; id: string },
  b: { nameLower: string; id: string },
): number {
  if (a.nameLower !== b.nameLower) return a.nameLower < b.nameLower ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Where a page starts: after (next page) or before (previous page) a row. A list is ordered by
 * (tier, nameLower, id): tier 1 holds every customer without a search, or those whose name starts
 * with the search; tier 2 the search's other matches. `position` is the row's place in the list
 * (from 1), carried along so that "Showing 51–100" costs no counting.
 */
export type CustomerCursor = {
  direction: 'after' | 'before';
  position: number;
  tier: 1 | 2;
  nameLower: string;
  id: string;
};

/** UTF-8 text as unpadded base64url, in the browser and on the server alike. */
function base64url(text: string): string {
  const binary = String.fromCharCode(...new TextEncoder().encode(text));
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** The reverse of base64url, or null for text that is not base64url of UTF-8. */
function fromBase64url(text: string): string | null {
  try {
    const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** A cursor as the URL carries it: `<position>.<tier>.<base64url of nameLower>.<id>`. */
export function encodeCustomerCursor(cursor: Omit<CustomerCursor, 'direction'>): string {
  return `${cursor.position}.${cursor.tier}.${base64url(cursor.nameLower)}.${cursor.id}`;
}

/** The cursor of a URL, or null when it is not one (a link cut short, a hand-edited value). */
export function decodeCustomerCursor(
  text: string,
  direction: CustomerCursor['direction'],
): CustomerCursor | null {
  const match = /^(\d{1,9})\.([12])\.([A-Za-z0-9_-]{0,1200})\.([A-Za-z0-9_]{1,64})$/.exec(text);
  if (!match) return null;
  const nameLower = fromBase64url(match[3]);
  // Base64 that does not round-trip (stray bits, broken UTF-8) is not a cursor Keydesk wrote.
  if (nameLower === null || base64url(nameLower) !== match[3]) return null;
  return {
    direction,
    position: Number(match[1]),
    tier: match[2] === '1' ? 1 : 2,
    nameLower,
    id: match[4],
  };
}

const one = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (Array.isArray(value) ? value[0] : value))
  .optional();

/** The customer list's query string: `q`, and `after` or `before`. */
export const customerListViewSchema = z
  .object({ q: one, after: one, before: one })
  .transform((raw) => ({
    search: searchQuerySchema.parse({ q: raw.q ?? '' }).q,
    cursor:
      (raw.after ? decodeCustomerCursor(raw.after, 'after') : null) ??
      (raw.before ? decodeCustomerCursor(raw.before, 'before') : null),
  }));

export type CustomerListView = z.output<typeof customerListViewSchema>;

/** The query string of a list page: the search, and the cursor when given. */
export function customerListQuery(search: string, cursor?: { after?: string; before?: string }) {
  const params = new URLSearchParams();
  if (search) params.set('q', search);
  if (cursor?.after) params.set('after', cursor.after);
  if (cursor?.before) params.set('before', cursor.before);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** A count that may have stopped at a bound: `exact` false means "more than `value`". */
export type BoundedCount = { value: number; exact: boolean };

const number = (n: number) => n.toLocaleString('en-US');

/** "Showing 1–50 of 1,234 customers", "… of more than 10,000 customers", "No customers". */
export function customerCountLine(first: number, shown: number, count: BoundedCount): string {
  if (shown === 0) return count.value === 0 && count.exact ? 'No customers' : 'No customers here';
  const total = count.exact ? number(count.value) : `more than ${number(count.value)}`;
  const noun = count.exact && count.value === 1 ? 'customer' : 'customers';
  return `Showing ${number(first)}–${number(first + shown - 1)} of ${total} ${noun}`;
}
