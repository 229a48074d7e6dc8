// A product's terms and limits, without Zod: the pages' client code (the key form, the key list's
// filter, the product form's fields) imports them from here, so Zod is not in their first load.
// ./schema.ts re-exports all of it.

export type DurationInterval = 'day' | 'week' | 'month' | 'year';

/** A product as the key form needs it: its name, and the terms new keys get by default. */
export type ProductOption = {
  id: string;
  name: string;
  keyPrefix: string | null;
  /** null = unlimited activations */
  defaultActivationsLimit: number | null;
  /** null = keys never expire */
  defaultKeyDuration: KeyLifetime | null;
};

/** How long a product's keys last from when they are issued or renewed: "1 year", "30 days". */
export type KeyLifetime = { count: number; interval: DurationInterval };

/**
 * When a key issued at `from` with `duration` expires, or null for never. Calendar arithmetic in
 * UTC; a day the target month lacks clamps to its last day (31 Jan + 1 month = 28 or 29 Feb),
 * as subscriptions do, rather than spilling into the month after.
 */
export function expiryFromDuration(from: Date, duration: KeyLifetime): Date;
export function expiryFromDuration(from: Date, duration: KeyLifetime | null): Date | null;
export function expiryFromDuration(from: Date, duration: KeyLifetime | null): Date | null {
  if (!duration) return null;
  const at = new Date(from.getTime());
  switch (duration.interval) {
    case 'day':
      at.setUTCDate(at.getUTCDate() + duration.count);
      break;
    case 'week':
      at.setUTCDate(at.getUTCDate() + 7 * duration.count);
      break;
    case 'month':
      addMonthsClamped(at, duration.count);
      break;
    case 'year':
      addMonthsClamped(at, 12 * duration.count);
      break;
  }
  return at;
}

function addMonthsClamped(at: Date, months: number) {
  const day = at.getUTCDate();
  at.setUTCDate(1);
  at.setUTCMonth(at.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 0)).getUTCDate();
  at.setUTCDate(Math.min(day, lastDay));
}

/** "1 year", "6 months", or "Never expires". */
export function describeDuration(duration: ProductOption['defaultKeyDuration']): string {
  if (!duration) return 'Never expires';
  return `${duration.count} ${duration.interval}${duration.count === 1 ? '' : 's'}`;
}

export const DURATION_INTERVALS = [
  'day',
  'week',
  'month',
  'year',
] as const satisfies readonly DurationInterval[];
export const DURATION_UNIT_LABELS: Record<DurationInterval, string> = {
  day: 'days',
  week: 'weeks',
  month: 'months',
  year: 'years',
};
export const PRODUCT_NAME_MAX_LENGTH = 200;
export const KEY_LIFETIME_MAX = 1000;
export const KEY_PREFIX_MAX_LENGTH = 12;
export const PRODUCT_DESCRIPTION_MAX_LENGTH = 1000;

/** "Photo Editor Pro (archived)": how lists of names (the key list's Product filter) mark one. */
export function productLabel(product: { name: string; archived: boolean }): string {
  return product.archived ? `${product.name} (archived)` : product.name;
}
