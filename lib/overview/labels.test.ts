import { afterEach, describe, expect, it } from 'vitest';
import { overviewRangeOf, periodLabel, periodLongLabel, periodUnit } from './labels';

describe('overviewRangeOf', () => {
  it('reads the three ranges and falls back to 30 days', () => {
    expect(overviewRangeOf('90d')).toBe('90d');
    expect(overviewRangeOf(['12m', '30d'])).toBe('12m');
    for (const raw of [undefined, '', '7d', '12M', ['x']]) expect(overviewRangeOf(raw)).toBe('30d');
    expect(periodUnit('12m')).toBe('month');
    expect(periodUnit('90d')).toBe('day');
  });
});

describe('period labels', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    process.env.TZ = zone;
  });

  it('names days and months of the business calendar as they are written', () => {
    expect(periodLabel('2026-12-01')).toBe('1 Dec');
    expect(periodLabel('2026-12')).toBe('Dec 2026');
    expect(periodLongLabel('2026-12-01')).toBe('Tue, 1 Dec 2026');
    expect(periodLongLabel('2027-01')).toBe('January 2027');
  });

  it('does not move a day in a process far from UTC', () => {
    // Intl reads TZ when a formatter is made: the labels' formatters say UTC themselves.
    for (const tz of ['Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
      process.env.TZ = tz;
      expect(periodLabel('2026-03-01')).toBe('1 Mar');
      expect(periodLongLabel('2026-02-28')).toBe('Sat, 28 Feb 2026');
    }
  });

  it('refuses what is not a period', () => {
    expect(() => periodLabel('2026-1-1')).toThrow('Not a period');
  });
});
