import { keyListQuery, type LicenseKeyFilter } from '@/lib/license-keys/list';

/** The key list filtered to exactly `filter`, newest first: where a figure of the overview leads. */
export function keyListHref(filter: LicenseKeyFilter): string {
  return `/license-keys${keyListQuery({ filter, sort: 'newest' })}`;
}

export const count = new Intl.NumberFormat('en-US');

/** "1 key", "2,048 keys". */
export function keysText(value: number): string {
  return `${count.format(value)} ${value === 1 ? 'key' : 'keys'}`;
}
