import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEY_PREFIX_PATTERN } from '@/lib/license-keys/key-generator';
import { describeDuration, expiryFromDuration, updateProductSchema } from './schema';

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

describe('updateProductSchema', () => {
  const valid = {
    name: '  Photo Studio  ',
    description: '  Edits photos.\n\nFast.  ',
    activationsLimit: 5,
    keyLifetime: { count: 1, interval: 'year' },
    keyPrefix: ' photo2 ',
  };
  const firstError = (input: Record<string, unknown>) => {
    const result = updateProductSchema.safeParse({ ...valid, ...input });
    return result.success ? null : result.error.issues[0];
  };

  it('trims the name and upper-cases the prefix', () => {
    expect(updateProductSchema.parse(valid)).toEqual({
      name: 'Photo Studio',
      description: 'Edits photos.\n\nFast.',
      activationsLimit: 5,
      keyLifetime: { count: 1, interval: 'year' },
      keyPrefix: 'PHOTO2',
    });
  });

  it('takes null for unlimited activations, keys that never expire and no prefix', () => {
    const parsed = updateProductSchema.parse({
      ...valid,
      activationsLimit: null,
      keyLifetime: null,
      keyPrefix: '',
    });
    expect(parsed).toMatchObject({ activationsLimit: null, keyLifetime: null, keyPrefix: null });
    expect(updateProductSchema.parse({ ...valid, keyPrefix: null }).keyPrefix).toBeNull();
  });

  it('accepts the bounds: a limit of 0 and of 2^31 - 1, a lifetime of 1 and 1000', () => {
    for (const activationsLimit of [0, 2_147_483_647]) {
      expect(updateProductSchema.safeParse({ ...valid, activationsLimit }).success).toBe(true);
    }
    for (const count of [1, 1000]) {
      const keyLifetime = { count, interval: 'day' };
      expect(updateProductSchema.safeParse({ ...valid, keyLifetime }).success).toBe(true);
    }
  });

  it.each([
    ['an empty name', { name: '   ' }, ['name'], 'Enter the product name.'],
    ['a name over 200 characters', { name: 'x'.repeat(201) }, ['name'], 'at most 200'],
    [
      'a description over 1,000 characters',
      { description: 'x'.repeat(1001) },
      ['description'],
      'at most 1,000',
    ],
    [
      'a description with a control character',
      { description: 'bell\u0007' },
      ['description'],
      'control characters',
    ],
    ['a negative limit', { activationsLimit: -1 }, ['activationsLimit'], 'cannot be negative'],
    ['a fractional limit', { activationsLimit: 1.5 }, ['activationsLimit'], 'whole number'],
    ['a limit over int32', { activationsLimit: 2_147_483_648 }, ['activationsLimit'], 'at most'],
    ['an empty limit (NaN)', { activationsLimit: Number.NaN }, ['activationsLimit'], 'Unlimited'],
    [
      'a lifetime of 0',
      { keyLifetime: { count: 0, interval: 'day' } },
      ['keyLifetime', 'count'],
      'at least 1',
    ],
    [
      'a lifetime over 1000',
      { keyLifetime: { count: 1001, interval: 'day' } },
      ['keyLifetime', 'count'],
      'at most 1,000',
    ],
    [
      'a fractional lifetime',
      { keyLifetime: { count: 2.5, interval: 'week' } },
      ['keyLifetime', 'count'],
      'whole number',
    ],
    [
      'an empty lifetime (NaN)',
      { keyLifetime: { count: Number.NaN, interval: 'week' } },
      ['keyLifetime', 'count'],
      'Keys never expire',
    ],
    [
      'an unknown unit',
      { keyLifetime: { count: 1, interval: 'decade' } },
      ['keyLifetime', 'interval'],
      'days, weeks',
    ],
    [
      'a lifetime without a unit',
      { keyLifetime: { count: 1 } },
      ['keyLifetime', 'interval'],
      'days, weeks',
    ],
    ['a prefix over 12 characters', { keyPrefix: 'ABCDEFGHIJKLM' }, ['keyPrefix'], 'at most 12'],
    [
      'a prefix starting with a digit',
      { keyPrefix: '2FAST' },
      ['keyPrefix'],
      'starts with a letter',
    ],
    ['a prefix with a dash', { keyPrefix: 'MY-APP' }, ['keyPrefix'], 'letters A–Z and digits'],
    [
      'a prefix with a space inside',
      { keyPrefix: 'MY APP' },
      ['keyPrefix'],
      'letters A–Z and digits',
    ],
    [
      'a prefix with an accented letter',
      { keyPrefix: 'CAFÉ' },
      ['keyPrefix'],
      'letters A–Z and digits',
    ],
  ] as const)('rejects %s', (_label, input, path, message) => {
    const issue = firstError(input);
    expect(issue?.path).toEqual(path);
    expect(issue?.message).toContain(message);
  });

  it('accepts exactly the prefixes the key generator allows', () => {
    const candidates = [
      'A',
      'a',
      'Z9',
      'ABCDEFGHIJKL',
      'abc123def456',
      'ABCDEFGHIJKLM',
      '9A',
      'A_B',
      'A-B',
      'ÄB',
      'AB\n',
    ];
    for (const candidate of candidates) {
      const result = updateProductSchema.safeParse({ ...valid, keyPrefix: candidate });
      const upper = candidate.trim().toUpperCase();
      expect(result.success, candidate).toBe(KEY_PREFIX_PATTERN.test(upper));
      if (result.success) expect(result.data.keyPrefix).toMatch(KEY_PREFIX_PATTERN);
    }
  });
});
