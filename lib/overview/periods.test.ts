import { describe, expect, it } from 'vitest';
import { offsetAt, periodsOf, startOfLocalDay } from './periods';

describe('periods of a time zone', () => {
  it('UTC days end at midnight UTC; the last period holds now', () => {
    const periods = periodsOf('30d', new Date('2026-12-02T10:00:00Z'), 'UTC');
    expect(periods).toHaveLength(30);
    expect(periods[0]).toEqual({
      period: '2026-11-03',
      start: new Date('2026-11-03T00:00:00Z'),
      end: new Date('2026-11-04T00:00:00Z'),
    });
    expect(periods.at(-1)!.period).toBe('2026-12-02');
    expect(periods.at(-1)!.end).toEqual(new Date('2026-12-03T00:00:00Z'));
  });

  it('a day of a quarter-hour zone starts at the quarter hour (Kathmandu, UTC+05:45)', () => {
    expect(startOfLocalDay(2026, 12, 2, 'Asia/Kathmandu')).toEqual(
      new Date('2026-12-01T18:15:00Z'),
    );
    // 18:20 UTC on 1 December is already 2 December in Kathmandu.
    const periods = periodsOf('30d', new Date('2026-12-01T18:20:00Z'), 'Asia/Kathmandu');
    expect(periods.at(-1)!.period).toBe('2026-12-02');
  });

  it('the day a clock goes forward is 23 hours long, and back 25 (New York)', () => {
    const spring = periodsOf('90d', new Date('2026-03-20T12:00:00Z'), 'America/New_York').find(
      (p) => p.period === '2026-03-08',
    )!;
    expect(spring.end.getTime() - spring.start.getTime()).toBe(23 * 3600_000);
    expect(spring.start).toEqual(new Date('2026-03-08T05:00:00Z'));
    const autumn = periodsOf('30d', new Date('2026-11-10T12:00:00Z'), 'America/New_York').find(
      (p) => p.period === '2026-11-01',
    )!;
    expect(autumn.end.getTime() - autumn.start.getTime()).toBe(25 * 3600_000);
  });

  it('twelve months, the current one last, each from the first of the month locally', () => {
    const periods = periodsOf('12m', new Date('2026-12-31T23:30:00Z'), 'Europe/Berlin');
    expect(periods.map((p) => p.period)).toEqual([
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
      '2027-01',
    ]);
    expect(periods.at(-1)!.start).toEqual(new Date('2026-12-31T23:00:00Z'));
  });

  it('a midnight a clock change skips starts the day at the first instant after it', () => {
    // Santiago moved its clocks from 00:00 to 01:00 on 6 September 2026.
    const start = startOfLocalDay(2026, 9, 6, 'America/Santiago');
    expect(offsetAt(start.getTime(), 'America/Santiago')).toBe(-3 * 3600_000);
    expect(start).toEqual(new Date('2026-09-06T04:00:00Z'));
  });
});
