import { z } from 'zod';
import { searchQuerySchema } from '@/lib/search';
import {
  LICENSE_KEY_SOURCES,
  LICENSE_KEY_STATUSES,
  type LicenseKeySource,
  type LicenseKeyStatus,
} from './status';

// The key list's view as the dashboard's URL holds it (search, filters, sort, cursor), the row a
// list shows, and the cursor format. No server imports: the page, the export route, the filter bar
// (client) and the tests read these.

export const EXPIRY_WINDOWS = ['next-7-days', 'next-30-days', 'expired', 'never'] as const;
/** The "Expires" filter: keys expiring within 7 or 30 days from now, already expired, or never. */
export type ExpiryWindow = (typeof EXPIRY_WINDOWS)[number];

export const USAGE_FILTERS = ['at-limit', 'in-use', 'limited', 'unlimited'] as const;
/**
 * The "Activations" filter: keys with a limit and no free seat, keys with at least one activation
 * in use, keys with a limit (the overview's "Activations in use: X of Y" counts their seats), or
 * keys without a limit.
 */
export type UsageFilter = (typeof USAGE_FILTERS)[number];

export const LIST_SORTS = ['newest', 'expiry'] as const;
/** Newest first (by creation), or by expiry, soonest first (keys that never expire last). */
export type ListSort = (typeof LIST_SORTS)[number];

/** Where a page starts: after (next page) or before (previous page) a row, by the sort's value. */
export type Cursor = {
  direction: 'after' | 'before';
  /** The row's sort value: its creation, or its expiry (null: never expires). */
  value: Date | null;
  id: string;
};

/** The narrowing of a key list every surface shares (dashboard, export, REST API). */
export type LicenseKeyFilter = {
  /** What a person typed: a key, part of one (with or without dashes), a key id, a customer. */
  search?: string;
  customerId?: string;
  productId?: string;
  status?: LicenseKeyStatus;
  source?: LicenseKeySource;
  expires?: ExpiryWindow;
  usage?: UsageFilter;
  createdFrom?: Date;
  createdTo?: Date;
};

/** One row of a key list: the key itself masked. */
export type LicenseKeyListRow = {
  id: string;
  maskedKey: string;
  status: LicenseKeyStatus;
  source: LicenseKeySource;
  activationsLimit: number | null;
  instancesCount: number;
  expiresAt: Date | null;
  createdAt: Date;
  customer: { id: string; name: string; email: string };
  product: { id: string; name: string };
};

/** A cursor as the URL carries it: `<epoch ms or "never">.<id>`, e.g. `1764547200000.lic_4kZ0…`. */
export function encodeCursor(value: Date | null, id: string): string {
  return `${value ? value.getTime() : 'never'}.${id}`;
}

/** The cursor of a URL, or null when it is not one (a pasted link cut short, a hand-edited value). */
export function decodeCursor(text: string, direction: Cursor['direction']): Cursor | null {
  const match = /^(never|\d{1,15})\.([A-Za-z0-9_]{1,64})$/.exec(text);
  if (!match) return null;
  const value = match[1] === 'never' ? null : new Date(Number(match[1]));
  if (value && Number.isNaN(value.getTime())) return null;
  return { direction, value, id: match[2] };
}

const one = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (Array.isArray(value) ? value[0] : value))
  .optional();

/** A value that is not one of the choices is dropped: a pasted link still opens, unfiltered there. */
const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  one.transform((value) =>
    (values as readonly string[]).includes(value ?? '') ? (value as T[number]) : undefined,
  );

/**
 * The key list's query string: `q`, `status`, `product`, `source`, `expires`, `usage`, `sort`,
 * `after`/`before`.
 */
export const keyListViewSchema = z
  .object({
    q: one,
    status: choice(LICENSE_KEY_STATUSES),
    product: one,
    source: choice(LICENSE_KEY_SOURCES),
    expires: choice(EXPIRY_WINDOWS),
    usage: choice(USAGE_FILTERS),
    sort: choice(LIST_SORTS),
    after: one,
    before: one,
  })
  .transform((raw) => {
    const search = searchQuerySchema.parse({ q: raw.q ?? '' }).q;
    const product =
      raw.product && /^[A-Za-z0-9_]{1,64}$/.test(raw.product) ? raw.product : undefined;
    const cursor =
      (raw.after ? decodeCursor(raw.after, 'after') : null) ??
      (raw.before ? decodeCursor(raw.before, 'before') : null);
    return {
      filter: {
        ...(search ? { search } : {}),
        ...(product ? { productId: product } : {}),
        ...(raw.status ? { status: raw.status } : {}),
        ...(raw.source ? { source: raw.source } : {}),
        ...(raw.expires ? { expires: raw.expires } : {}),
        ...(raw.usage ? { usage: raw.usage } : {}),
      } satisfies LicenseKeyFilter,
      sort: raw.sort ?? ('newest' as ListSort),
      cursor,
    };
  });

export type KeyListView = z.output<typeof keyListViewSchema>;

/** The query string of a view (without its cursor unless given): what links and the form write. */
export function keyListQuery(
  view: Pick<KeyListView, 'filter' | 'sort'>,
  cursor?: { after?: string; before?: string },
): string {
  const { filter, sort } = view;
  const params = new URLSearchParams();
  if (filter.search) params.set('q', filter.search);
  if (filter.status) params.set('status', filter.status);
  if (filter.productId) params.set('product', filter.productId);
  if (filter.source) params.set('source', filter.source);
  if (filter.expires) params.set('expires', filter.expires);
  if (filter.usage) params.set('usage', filter.usage);
  if (sort !== 'newest') params.set('sort', sort);
  if (cursor?.after) params.set('after', cursor.after);
  if (cursor?.before) params.set('before', cursor.before);
  const text = params.toString();
  return text ? `?${text}` : '';
}
