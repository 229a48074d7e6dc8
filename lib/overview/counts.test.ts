import { describe, expect, it } from 'vitest';
import { contribution, NEVER_EXPIRES_DAY, tallyDeltas, type TalliedKey } from './counts';

const key = (overrides: Partial<TalliedKey> = {}): TalliedKey => ({
  productId: 'pdt_a',
  expiresAt: null,
  disabled: false,
  activationsLimit: 3,
  instancesCount: 3,
  ...overrides,
});

describe('how a key counts', () => {
  it('a key with a limit: its limit, its seats, at its limit when none is free', () => {
    expect(contribution(key())).toEqual({
      keys: 1,
      disabled: 0,
      unlimited: 0,
      usedUnlimited: 0,
      limitSum: 3,
      usedLimited: 3,
      atLimit: 1,
    });
    expect(contribution(key({ instancesCount: 2 })).atLimit).toBe(0);
  });

  it('an unlimited key counts apart; a disabled key counts only as a disabled key', () => {
    expect(contribution(key({ activationsLimit: null }))).toMatchObject({
      unlimited: 1,
      usedUnlimited: 3,
      limitSum: 0,
      atLimit: 0,
    });
    expect(contribution(key({ disabled: true }))).toEqual({
      keys: 1,
      disabled: 1,
      unlimited: 0,
      usedUnlimited: 0,
      limitSum: 0,
      usedLimited: 0,
      atLimit: 0,
    });
  });

  it('a change moves the key between rows; a change of nothing writes nothing', () => {
    const before = key({ expiresAt: new Date('2027-01-01T10:00:00Z'), productId: 'pdt_b' });
    const after = key({ expiresAt: null, productId: 'pdt_b' });
    expect(tallyDeltas(before, after)).toEqual([
      { productId: 'pdt_b', expiryDay: 20819, counts: expect.objectContaining({ keys: -1 }) },
      {
        productId: 'pdt_b',
        expiryDay: NEVER_EXPIRES_DAY,
        counts: expect.objectContaining({ keys: 1 }),
      },
    ]);
    expect(tallyDeltas(after, after)).toEqual([]);
    // Same row: one delta, the difference.
    expect(tallyDeltas(key({ instancesCount: 2 }), key())).toEqual([
      {
        productId: 'pdt_a',
        expiryDay: NEVER_EXPIRES_DAY,
        counts: {
          keys: 0,
          disabled: 0,
          unlimited: 0,
          usedUnlimited: 0,
          limitSum: 0,
          usedLimited: 1,
          atLimit: 1,
        },
      },
    ]);
  });

  it('rows come in one order whichever way a key moves (no lock-order deadlock)', () => {
    const early = key({ expiresAt: new Date('2027-01-01T00:00:00Z') });
    const late = key({ expiresAt: new Date('2028-01-01T00:00:00Z') });
    const days = (deltas: ReturnType<typeof tallyDeltas>) => deltas.map((d) => d.expiryDay);
    expect(days(tallyDeltas(early, late))).toEqual(days(tallyDeltas(late, early)));
  });
});
