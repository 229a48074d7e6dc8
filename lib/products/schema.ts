export type DurationInterval = 'day' | 'week' | 'month' | 'year';

/** A product as the key form needs it: its name, and the terms new keys get by default. */
export type ProductOption = {
  id: string;
  name: string;
  keyPrefix: string | null;
  /** null = unlimited activations */
  defaultActivationsLimit: number | null;
  /** null = keys never expire */
  defaultKeyDuration: { count: number; interval: DurationInterval } | null;
};

/** When a key issued at `from` with `duration` expires (calendar arithmetic in UTC), or null for never. */
export function expiryFromDuration(
  from: Date,
  duration: ProductOption['defaultKeyDuration'],
): Date | null {
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
      at.setUTCMonth(at.getUTCMonth() + duration.count);
      break;
    case 'year':
      at.setUTCFullYear(at.getUTCFullYear() + duration.count);
      break;
  }
  return at;
}

/** "1 year", "6 months", or "Never expires". */
export function describeDuration(duration: ProductOption['defaultKeyDuration']): string {
  if (!duration) return 'Never expires';
  return `${duration.count} ${duration.interval}${duration.count === 1 ? '' : 's'}`;
}
