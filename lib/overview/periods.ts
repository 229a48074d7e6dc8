import type { OverviewRange } from './types';

// The days and months of a business's time zone as instants: where each period of a chart starts
// and ends. Pure, with Intl only; no server imports.

export type Period = { period: string; start: Date; end: Date };

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(timeZone: string) {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** The local date and time at `at` in `timeZone`, as if it were UTC (epoch ms). */
function localAsUtc(at: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of wallClock(timeZone).formatToParts(at)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
}

/** The zone's offset from UTC at `at`, in ms (positive east of Greenwich). */
export function offsetAt(at: number, timeZone: string): number {
  const whole = Math.floor(at / 1000) * 1000;
  return localAsUtc(whole, timeZone) - whole;
}

/**
 * The instant a local date starts (its midnight, or the first moment after a gap that swallows
 * midnight) in `timeZone`.
 */
export function startOfLocalDay(year: number, month: number, day: number, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, day);
  let guess = wall - offsetAt(wall, timeZone);
  // Twice: the offset at the first guess may be on the other side of a change.
  guess = wall - offsetAt(guess, timeZone);
  const local = localAsUtc(guess, timeZone);
  // Midnight skipped by a change (the day starts at 01:00): step forward to the day's first instant.
  return new Date(local < wall ? guess + (wall - local) : guess);
}

/** The local calendar date at `at`. */
export function localDate(at: Date, timeZone: string) {
  const local = new Date(localAsUtc(at.getTime(), timeZone));
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The periods of a range ending with the one that holds `now`, oldest first: the last 30 or 90 local
 * days, or the last 12 local months. Each ends where the next starts.
 */
export function periodsOf(range: OverviewRange, now: Date, timeZone: string): Period[] {
  const today = localDate(now, timeZone);
  const starts: { period: string; start: Date }[] = [];
  if (range === '12m') {
    for (let back = 11; back >= -1; back--) {
      const month = new Date(Date.UTC(today.year, today.month - 1 - back, 1));
      const y = month.getUTCFullYear();
      const m = month.getUTCMonth() + 1;
      starts.push({ period: `${y}-${pad(m)}`, start: startOfLocalDay(y, m, 1, timeZone) });
    }
  } else {
    const days = range === '30d' ? 30 : 90;
    for (let back = days; back >= 0; back--) {
      const date = new Date(Date.UTC(today.year, today.month - 1, today.day - back + 1));
      const y = date.getUTCFullYear();
      const m = date.getUTCMonth() + 1;
      const d = date.getUTCDate();
      starts.push({
        period: `${y}-${pad(m)}-${pad(d)}`,
        start: startOfLocalDay(y, m, d, timeZone),
      });
    }
  }
  // One more start than periods: the last is where the current period ends.
  return starts.slice(0, -1).map((p, i) => ({ ...p, end: starts[i + 1].start }));
}
