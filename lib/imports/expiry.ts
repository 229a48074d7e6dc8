import { EARLIEST_INSTANT, LATEST_INSTANT } from '@/lib/instants';
import { offsetAt, startOfLocalDay } from '@/lib/overview/periods';

// An imported key's expiry, as files write it: an ISO 8601 instant, a date (the key runs to the end
// of that day in the business's time zone), or a date and time without an offset (a wall time in
// that zone). Pure, with Intl only; no server imports.

export type ExpiryResult = { ok: true; value: Date | null } | { ok: false; message: string };

export const EXPIRY_FORMAT_MESSAGE =
  'Enter a date like 2027-01-31 or an instant like 2027-01-31T10:00:00Z, or leave it empty for never.';
/** As expiresAtSchema (lib/license-keys/schema.ts) says it. */
export const EXPIRY_RANGE_MESSAGE = 'Choose a date between 1970 and 9999.';

const DAY = 24 * 60 * 60 * 1000;

/** YYYY-MM-DD, then optionally a time (T or a space; seconds and their fraction optional) and an offset. */
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

const daysInMonth = (year: number, month: number) =>
  new Date(Date.UTC(year, month, 0)).getUTCDate();

/** "+05:30", "-0800", "+01", "Z" -> ms east of Greenwich, or null when it is no offset. */
function offsetMs(text: string): number | null {
  if (text.toUpperCase() === 'Z') return 0;
  const digits = text.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (hours > 23 || minutes > 59) return null;
  return (text[0] === '-' ? -1 : 1) * (hours * 60 + minutes) * 60_000;
}

/**
 * The instant a wall time (given as if it were UTC) has in `timeZone`. A wall time that happens
 * twice (clocks turned back) is its first; one that never happens (clocks turned forward) is moved
 * forward by the gap, as Temporal's "compatible" disambiguation does.
 */
export function zonedWallTime(wall: number, timeZone: string): number {
  const before = offsetAt(wall - DAY, timeZone);
  const after = offsetAt(wall + DAY, timeZone);
  if (before === after) return wall - before;
  const early = wall - before;
  const late = wall - after;
  const earlyHappens = offsetAt(early, timeZone) === before;
  const lateHappens = offsetAt(late, timeZone) === after;
  if (earlyHappens && lateHappens) return Math.min(early, late);
  if (earlyHappens) return early;
  if (lateHappens) return late;
  return Math.max(early, late);
}

/** The last millisecond of a local date in `timeZone`: the next day's start, less 1 ms. */
export function endOfLocalDay(year: number, month: number, day: number, timeZone: string): number {
  const next = new Date(Date.UTC(year, month - 1, day + 1));
  const start = startOfLocalDay(
    next.getUTCFullYear(),
    next.getUTCMonth() + 1,
    next.getUTCDate(),
    timeZone,
  );
  return start.getTime() - 1;
}

// Files repeat their dates: a key sold each day of a year has 365 expiries among thousands of rows.
// Intl is the slow part, so the instants of the zone-dependent forms are remembered.
const ZONED_CACHE_SIZE = 4096;
const zoned = new Map<string, number>();

function remembered(key: string, compute: () => number): number {
  const known = zoned.get(key);
  if (known !== undefined) return known;
  const value = compute();
  if (zoned.size >= ZONED_CACHE_SIZE) zoned.clear();
  zoned.set(key, value);
  return value;
}

/** The epoch ms the text names, null when it is not an instant, date or wall time that exists. */
function instantOf(text: string, timeZone: string): number | null {
  const match = ISO.exec(text);
  if (!match) return null;
  const [, y, mo, d, h, mi, s, fraction, offset] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  // Date.UTC reads years 0 to 99 as 1900 to 1999; every such year is out of range anyway.
  if (year < 1969) return Number.NEGATIVE_INFINITY;
  if (h === undefined) {
    // 9999-12-31 ends after the last storable instant west of Greenwich: it ends at that instant.
    const end = remembered(`${timeZone} ${text}`, () => endOfLocalDay(year, month, day, timeZone));
    return Math.min(end, LATEST_INSTANT);
  }
  const hour = Number(h);
  const minute = Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (hour > 23 || minute > 59 || second > 59) return null;
  const ms = fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0'));
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  if (offset === undefined) {
    return remembered(`${timeZone} ${text}`, () => zonedWallTime(wall, timeZone));
  }
  const east = offsetMs(offset);
  return east === null ? null : wall - east;
}

/**
 * An expiry cell: empty or "never" -> never; an instant with Z or an offset -> that instant; a
 * date -> the end of that day in `timeZone` (its last millisecond); a date and time without offset
 * -> that wall time in `timeZone`. The instant must be storable (1970 to 9999); 9999-12-31 ends at
 * the last storable instant in every zone.
 */
export function readExpiry(cell: string, timeZone: string): ExpiryResult {
  const text = cell.trim();
  if (text === '' || text.toLowerCase() === 'never') return { ok: true, value: null };
  const at = instantOf(text, timeZone);
  if (at === null) return { ok: false, message: EXPIRY_FORMAT_MESSAGE };
  if (at < EARLIEST_INSTANT || at > LATEST_INSTANT) {
    return { ok: false, message: EXPIRY_RANGE_MESSAGE };
  }
  return { ok: true, value: new Date(at) };
}
