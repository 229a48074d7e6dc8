// How a product's name is stored: with its lower-cased search column, for the data layer and the
// seed scripts alike. No server imports here.

import type { DurationInterval, KeyLifetime } from './schema';

export function productNameColumns(name: string) {
  return { name, nameLower: name.toLowerCase() };
}

/**
 * A product's key lifetime from its two columns ("1 year"), or null when its keys never expire
 * (either column empty).
 */
export function keyLifetimeColumns(row: {
  licenseKeyDurationCount: number | null;
  licenseKeyDurationInterval: DurationInterval | null;
}): KeyLifetime | null {
  const { licenseKeyDurationCount: count, licenseKeyDurationInterval: interval } = row;
  return count !== null && interval !== null ? { count, interval } : null;
}
