import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeDuration, expiryFromDuration } from './schema';

// Run in a zone with daylight saving time, so that local-time arithmetic would give other answers
// than the UTC arithmetic the function promises (New York switches to DST on 8 March 2026).
const originalTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'America/New_York';
});
afterAll(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

const utc = (iso: string) => new Date(iso);
const expiry = (from: string, count: number, interval: 'day' | 'week' | 'month' | 'year') =>
  expiryFromDuration(utc(from), { count, interval })?.toISOString();

describe('expiryFromDuration', () => {
  it('is null (never expires) for no duration', () => {
    expect(expiryFromDuration(utc('2026-01-31T10:00:00Z'), null)).toBeNull();
  });

  it('the test zone really is not UTC', () => {
    expect(new Date('2026-01-01T02:00:00Z').getDate()).toBe(31);
  });

  describe('days', () => {
    it('adds days keeping the time of day to the millisecond', () => {
      expect(expiry('2026-03-01T10:20:30.456Z', 1, 'day')).toBe('2026-03-02T10:20:30.456Z');
      expect(expiry('2026-03-01T10:20:30.456Z', 30, 'day')).toBe('2026-03-31T10:20:30.456Z');
    });

    it('crosses month and year ends', () => {
      expect(expiry('2026-01-31T00:00:00Z', 1, 'day')).toBe('2026-02-01T00:00:00.000Z');
      expect(expiry('2026-12-31T23:59:59Z', 1, 'day')).toBe('2027-01-01T23:59:59.000Z');
      expect(expiry('2028-02-28T12:00:00Z', 1, 'day')).toBe('2028-02-29T12:00:00.000Z');
    });

    it('counts a day as 24 hours across a local daylight-saving change', () => {
      // 03:30Z on 8 March is the evening of 7 March in New York, before its clocks go forward.
      expect(expiry('2026-03-08T03:30:00Z', 1, 'day')).toBe('2026-03-09T03:30:00.000Z');
    });

    it('adds 0 days as the same instant', () => {
      expect(expiry('2026-03-01T10:20:30Z', 0, 'day')).toBe('2026-03-01T10:20:30.000Z');
    });
  });

  describe('weeks', () => {
    it('adds 7 days per week', () => {
      expect(expiry('2026-03-01T10:00:00Z', 1, 'week')).toBe('2026-03-08T10:00:00.000Z');
      expect(expiry('2026-12-25T10:00:00Z', 2, 'week')).toBe('2027-01-08T10:00:00.000Z');
      expect(expiry('2026-03-01T10:00:00Z', 52, 'week')).toBe('2027-02-28T10:00:00.000Z');
    });
  });

  describe('months', () => {
    it('adds calendar months keeping the day and the time', () => {
      expect(expiry('2026-01-15T08:00:00Z', 1, 'month')).toBe('2026-02-15T08:00:00.000Z');
      expect(expiry('2026-01-15T08:00:00Z', 6, 'month')).toBe('2026-07-15T08:00:00.000Z');
      expect(expiry('2026-12-15T08:00:00Z', 1, 'month')).toBe('2027-01-15T08:00:00.000Z');
      expect(expiry('2026-01-15T08:00:00Z', 12, 'month')).toBe('2027-01-15T08:00:00.000Z');
    });

    it('uses the UTC date, not the local one, near midnight', () => {
      // 01:00Z on 1 March is still 28 February in New York; the month is added to 1 March.
      expect(expiry('2026-03-01T01:00:00Z', 1, 'month')).toBe('2026-04-01T01:00:00.000Z');
    });

    // A day that the target month lacks clamps to the month's last day, as subscriptions do.
    it('clamps 31 January + 1 month to 28 February in a common year', () => {
      expect(expiry('2026-01-31T12:00:00Z', 1, 'month')).toBe('2026-02-28T12:00:00.000Z');
    });

    it('clamps 31 January + 1 month to 29 February in a leap year', () => {
      expect(expiry('2028-01-31T12:00:00Z', 1, 'month')).toBe('2028-02-29T12:00:00.000Z');
    });

    it('clamps 31 March + 1 month to 30 April', () => {
      expect(expiry('2026-03-31T12:00:00Z', 1, 'month')).toBe('2026-04-30T12:00:00.000Z');
    });

    it('keeps the day when the target month has it', () => {
      expect(expiry('2026-01-31T12:00:00Z', 2, 'month')).toBe('2026-03-31T12:00:00.000Z');
    });
  });

  describe('years', () => {
    it('adds calendar years keeping the date and the time', () => {
      expect(expiry('2026-06-15T09:30:00Z', 1, 'year')).toBe('2027-06-15T09:30:00.000Z');
      expect(expiry('2026-06-15T09:30:00Z', 10, 'year')).toBe('2036-06-15T09:30:00.000Z');
    });

    it('clamps a leap day + 1 year to 28 February', () => {
      expect(expiry('2028-02-29T00:00:00Z', 1, 'year')).toBe('2029-02-28T00:00:00.000Z');
    });

    it('keeps a leap day + 4 years on the next leap day', () => {
      expect(expiry('2028-02-29T00:00:00Z', 4, 'year')).toBe('2032-02-29T00:00:00.000Z');
    });
  });

  it('does not change the date it is given', () => {
    const from = utc('2026-01-31T12:00:00Z');
    expiryFromDuration(from, { count: 1, interval: 'month' });
    expiryFromDuration(from, { count: 1, interval: 'year' });
    expect(from.toISOString()).toBe('2026-01-31T12:00:00.000Z');
  });
});

describe('describeDuration', () => {
  it('says Never expires for no duration', () => {
    expect(describeDuration(null)).toBe('Never expires');
  });

  it.each([
    [1, 'day', '1 day'],
    [1, 'week', '1 week'],
    [1, 'month', '1 month'],
    [1, 'year', '1 year'],
    [6, 'month', '6 months'],
    [2, 'week', '2 weeks'],
    [30, 'day', '30 days'],
    [3, 'year', '3 years'],
    [0, 'day', '0 days'],
  ] as const)('describes %i %s as "%s"', (count, interval, text) => {
    expect(describeDuration({ count, interval })).toBe(text);
  });
});
