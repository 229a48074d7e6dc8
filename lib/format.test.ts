import { afterAll, beforeAll, describe, expect, it } from 'vitest';

type FormatModule = typeof import('./format');
let format: FormatModule;

// The formatter is built when the module loads, so the process zone is set to one far from UTC
// first: an instant shown in the local zone instead of UTC would then give another text.
const originalTz = process.env.TZ;
beforeAll(async () => {
  process.env.TZ = 'America/New_York';
  format = await import('./format');
});
afterAll(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

describe('formatInstant', () => {
  it('the test zone really is not UTC', () => {
    expect(new Date('2027-01-01T00:30:00Z').getHours()).toBe(19);
  });

  it('formats a fixed instant with the date, the time and UTC', () => {
    expect(format.formatInstant(new Date('2027-11-27T14:05:00Z'))).toBe('27 Nov 2027, 14:05 UTC');
  });

  it('shows the UTC date and time, not the local ones, just after midnight UTC', () => {
    expect(format.formatInstant(new Date('2027-01-01T00:30:00Z'))).toBe('1 Jan 2027, 00:30 UTC');
  });

  it('converts an instant given with an offset to UTC', () => {
    expect(format.formatInstant(new Date('2027-01-01T00:30:00+01:00'))).toBe(
      '31 Dec 2026, 23:30 UTC',
    );
  });

  it('uses a 24-hour clock', () => {
    expect(format.formatInstant(new Date('2027-06-03T23:59:00Z'))).toBe('3 Jun 2027, 23:59 UTC');
  });

  it('drops seconds without rounding up to the next minute', () => {
    expect(format.formatInstant(new Date('2027-11-27T14:05:59.999Z'))).toBe(
      '27 Nov 2027, 14:05 UTC',
    );
  });

  it('always ends with UTC', () => {
    for (const iso of ['2026-03-08T07:00:00Z', '2026-07-01T12:00:00Z', '2030-12-31T23:59:59Z']) {
      expect(format.formatInstant(new Date(iso))).toMatch(
        /^\d{1,2} [A-Z][a-z]{2,3} \d{4}, \d{2}:\d{2} UTC$/,
      );
    }
  });
});

describe('formatActivations', () => {
  it.each([
    [0, 5, '0 of 5'],
    [3, 5, '3 of 5'],
    [0, null, '0 of unlimited'],
    [3, null, '3 of unlimited'],
    [1234, 2_147_483_647, '1,234 of 2,147,483,647'],
    [0, 0, '0 of 0'],
  ])('formats %s used of a limit of %s as "%s"', (used, limit, text) => {
    expect(format.formatActivations(used, limit)).toBe(text);
  });
});
