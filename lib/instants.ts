// Instants Keydesk stores: from 1970 to the end of 9999, the same on every database engine
// (PostgreSQL has no year 0, and SQLite stores ISO text). No server imports here.

export const EARLIEST_INSTANT = Date.UTC(1970, 0, 1);
export const LATEST_INSTANT = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** True when the instant is storable; text that is not an instant at all is left to the format check. */
export function withinStoredRange(iso: string): boolean {
  const at = Date.parse(iso);
  return Number.isNaN(at) || (at >= EARLIEST_INSTANT && at <= LATEST_INSTANT);
}
