import { OVERVIEW_RANGES, type OverviewRange } from './types';

// How the overview names its ranges and periods for people. Pure, no server imports: the page,
// its components and the tests read these.

/** The range switch's choices, as the URL (`?range=`) and the screen say them. */
export const RANGE_LABELS: Record<OverviewRange, string> = {
  '30d': '30 days',
  '90d': '90 days',
  '12m': '12 months',
};

/** `?range=` of the overview: one of OVERVIEW_RANGES, else (absent, mistyped) the last 30 days. */
export function overviewRangeOf(raw: string | string[] | undefined): OverviewRange {
  const value = Array.isArray(raw) ? raw[0] : raw;
  return (OVERVIEW_RANGES as readonly string[]).includes(value ?? '')
    ? (value as OverviewRange)
    : '30d';
}

/** A range's periods in words: "day" or "month". */
export function periodUnit(range: OverviewRange): 'day' | 'month' {
  return range === '12m' ? 'month' : 'day';
}

// A period is already a date of the business's calendar: read and written as UTC so that no zone
// moves it to the day before or after.
const formats = {
  day: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }),
  dayLong: new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }),
  month: new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }),
  monthLong: new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

function periodDate(period: string): { date: Date; month: boolean } {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(period);
  if (!match) throw new Error(`Not a period: ${period}`);
  const [, year, month, day] = match;
  return { date: new Date(Date.UTC(+year, +month - 1, day ? +day : 1)), month: !day };
}

/** A period on a chart's axis: "1 Dec" (a day), "Dec 2026" (a month). */
export function periodLabel(period: string): string {
  const { date, month } = periodDate(period);
  return (month ? formats.month : formats.day).format(date);
}

/** A period in a table: "Mon, 1 Dec 2026" (a day), "December 2026" (a month). */
export function periodLongLabel(period: string): string {
  const { date, month } = periodDate(period);
  return (month ? formats.monthLong : formats.dayLong).format(date);
}
