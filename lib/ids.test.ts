import { describe, expect, it } from 'vitest';
import { newId, randomBytesFromPool, type IdPrefix } from './ids';

const PREFIXES: IdPrefix[] = ['bus', 'cus', 'pdt', 'lic', 'lki'];
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

// With 61 degrees of freedom, P(chi-square >= 150) is about 1.9e-9 for a uniform source.
const CHI_SQUARE_BOUND_61_DF = 150;

describe('newId', () => {
  it.each(PREFIXES)('is %s_ followed by 21 base62 characters', (prefix) => {
    for (let i = 0; i < 200; i++) {
      expect(newId(prefix)).toMatch(new RegExp(`^${prefix}_[0-9A-Za-z]{21}$`));
    }
  });

  it('is unique over 10,000 ids', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => newId('lic')));
    expect(ids.size).toBe(10_000);
  });

  it('uses all 62 characters, uniformly (chi-square over 210,000 characters)', () => {
    const counts = new Map<string, number>([...BASE62].map((c) => [c, 0]));
    for (let i = 0; i < 10_000; i++) {
      for (const c of newId('lic').slice('lic_'.length)) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    expect(counts.size).toBe(62); // nothing outside base62
    const expected = 210_000 / 62;
    let chiSquare = 0;
    for (const [c, count] of counts) {
      expect(count, c).toBeGreaterThan(0);
      chiSquare += (count - expected) ** 2 / expected;
    }
    // A plain `byte % 62` without rejecting bytes >= 248 makes 0-7 a quarter more likely: far above.
    expect(chiSquare).toBeLessThan(CHI_SQUARE_BOUND_61_DF);
  });
});

describe('newTimeOrderedId', () => {
  it('sorts by time, then by creation order within one millisecond', async () => {
    const { newTimeOrderedId } = await import('./ids');
    const sameMs = Array.from({ length: 50 }, () => newTimeOrderedId('evt', 1_800_000_000_000));
    const later = newTimeOrderedId('evt', 1_800_000_000_001);
    const ids = [...sameMs, later];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(later).toMatch(/^evt_[0-9A-Za-z]{21}$/);
  });
});

describe('randomBytesFromPool', () => {
  it('hands out each byte once, across refills of the pool (4 KB)', () => {
    // 3,000 slices of 9 bytes: six refills. Slices overlapping or handed out twice repeat.
    const slices = Array.from({ length: 3_000 }, () => randomBytesFromPool(9));
    expect(slices.every((slice) => slice.length === 9)).toBe(true);
    expect(new Set(slices.map((slice) => slice.toString('hex'))).size).toBe(3_000);
    // A slice already handed out keeps its bytes when the pool is refilled.
    const first = randomBytesFromPool(16);
    const copy = Buffer.from(first);
    for (let i = 0; i < 1_000; i++) randomBytesFromPool(16);
    expect(first.equals(copy)).toBe(true);
  });

  it('refuses more than the pool holds', () => {
    expect(() => randomBytesFromPool(4097)).toThrow(RangeError);
  });
});
