import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  generateLicenseKey,
  KEY_ALPHABET,
  KEY_ENTROPY_BITS,
  KEY_PREFIX_PATTERN,
} from './key-generator';
import { licenseKeyStringSchema } from './schema';

// The alphabet written out independently of KEY_ALPHABET: 2-9 and A-Z without I and O.
const SYMBOL = '[2-9A-HJ-NP-Z]';
const BODY = new RegExp(`^${SYMBOL}{5}(?:-${SYMBOL}{5}){4}$`);
const PREFIXED = new RegExp(`^PHOTO-${SYMBOL}{5}(?:-${SYMBOL}{5}){4}$`);

const SAMPLE_SIZE = 10_000;
const sample = Array.from({ length: SAMPLE_SIZE }, () => generateLicenseKey());

/**
 * Pearson's chi-square statistic of observed symbol counts against a uniform distribution over
 * `alphabet`. A symbol outside the alphabet makes the statistic infinite.
 */
function chiSquareUniform(symbols: Iterable<string>, alphabet: string): number {
  const counts = new Map<string, number>([...alphabet].map((symbol) => [symbol, 0]));
  let total = 0;
  for (const symbol of symbols) {
    const count = counts.get(symbol);
    if (count === undefined) return Number.POSITIVE_INFINITY;
    counts.set(symbol, count + 1);
    total++;
  }
  const expected = total / alphabet.length;
  let chiSquare = 0;
  for (const count of counts.values()) chiSquare += (count - expected) ** 2 / expected;
  return chiSquare;
}

// With 31 degrees of freedom, P(chi-square >= 100) is about 3.5e-9 for a uniform source, so an
// unbiased generator fails this bound about once in 300 million runs.
const CHI_SQUARE_BOUND_31_DF = 100;

const bodySymbols = (key: string) => key.replaceAll('-', '');

describe('KEY_ALPHABET', () => {
  it('has 32 distinct symbols', () => {
    expect(KEY_ALPHABET).toHaveLength(32);
    expect(new Set(KEY_ALPHABET).size).toBe(32);
  });

  it('has none of the look-alikes 0, O, 1 and I', () => {
    for (const lookAlike of ['0', 'O', '1', 'I']) expect(KEY_ALPHABET).not.toContain(lookAlike);
  });

  it('has only upper-case letters and digits', () => {
    expect(KEY_ALPHABET).toMatch(/^[A-Z0-9]+$/);
  });
});

describe('KEY_ENTROPY_BITS', () => {
  it('is at least 100 bits', () => {
    expect(KEY_ENTROPY_BITS).toBeGreaterThanOrEqual(100);
  });

  it('matches what a generated key carries: its symbols times log2 of the alphabet size', () => {
    const symbolsPerKey = bodySymbols(generateLicenseKey()).length;
    expect(KEY_ENTROPY_BITS).toBeCloseTo(symbolsPerKey * Math.log2(new Set(KEY_ALPHABET).size), 10);
  });
});

describe('generateLicenseKey', () => {
  it('makes 5 groups of 5 alphabet symbols joined by dashes', () => {
    for (const key of sample.slice(0, 1000)) expect(key).toMatch(BODY);
  });

  it('starts with the prefix and a dash when a prefix is given', () => {
    for (let i = 0; i < 100; i++) expect(generateLicenseKey('PHOTO')).toMatch(PREFIXED);
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['an empty string', ''],
  ])('has no prefix and no leading dash for %s', (_label, prefix) => {
    for (let i = 0; i < 100; i++) expect(generateLicenseKey(prefix)).toMatch(BODY);
  });

  it('has no prefix when called without arguments', () => {
    expect(generateLicenseKey()).toMatch(BODY);
  });

  it(`gives ${SAMPLE_SIZE.toLocaleString('en-US')} distinct keys`, () => {
    expect(new Set(sample).size).toBe(SAMPLE_SIZE);
  });

  it('uses every alphabet symbol', () => {
    const seen = new Set(sample.flatMap((key) => [...bodySymbols(key)]));
    expect([...seen].sort().join('')).toBe([...KEY_ALPHABET].sort().join(''));
  });

  it('uses the symbols uniformly (chi-square over 250,000 symbols)', () => {
    const symbols = sample.flatMap((key) => [...bodySymbols(key)]);
    expect(symbols).toHaveLength(SAMPLE_SIZE * 25);
    expect(chiSquareUniform(symbols, KEY_ALPHABET)).toBeLessThan(CHI_SQUARE_BOUND_31_DF);
  });

  it('uses the symbols uniformly at every position of the key', () => {
    const bodies = sample.map(bodySymbols);
    for (let position = 0; position < 25; position++) {
      const chiSquare = chiSquareUniform(
        bodies.map((body) => body[position]),
        KEY_ALPHABET,
      );
      expect(chiSquare, `position ${position}`).toBeLessThan(CHI_SQUARE_BOUND_31_DF);
    }
  });

  it('gives keys that the import rule accepts unchanged, so they could be re-imported', () => {
    const longestPrefix = 'ABCDEFGHIJKL';
    expect(longestPrefix).toMatch(KEY_PREFIX_PATTERN);
    const keys = [
      ...sample.slice(0, 200),
      generateLicenseKey('PHOTO'),
      generateLicenseKey('P'),
      generateLicenseKey(longestPrefix),
    ];
    for (const key of keys) expect(licenseKeyStringSchema.parse(key)).toBe(key);
  });
});

describe('the chi-square check itself', () => {
  // Shows the uniformity test above can fail: biased generators built from the same random
  // source exceed the bound.
  const biasedSymbols = (pick: (byte: number) => number) =>
    [...randomBytes(SAMPLE_SIZE * 25)].map((byte) => KEY_ALPHABET[pick(byte)]);

  it('rejects a generator that reduces with % 31 (never produces the last symbol)', () => {
    expect(
      chiSquareUniform(
        biasedSymbols((byte) => byte % 31),
        KEY_ALPHABET,
      ),
    ).toBeGreaterThan(CHI_SQUARE_BOUND_31_DF);
  });

  it('rejects a generator that reduces with % 30 (never produces the last two symbols)', () => {
    expect(
      chiSquareUniform(
        biasedSymbols((byte) => byte % 30),
        KEY_ALPHABET,
      ),
    ).toBeGreaterThan(CHI_SQUARE_BOUND_31_DF);
  });

  it('rejects a generator that scales a byte onto 0-31 (the last symbol only from byte 255)', () => {
    expect(
      chiSquareUniform(
        biasedSymbols((byte) => Math.floor((byte * 31) / 255)),
        KEY_ALPHABET,
      ),
    ).toBeGreaterThan(CHI_SQUARE_BOUND_31_DF);
  });

  it('rejects symbols outside the alphabet', () => {
    expect(chiSquareUniform(['2', '3', 'O'], KEY_ALPHABET)).toBe(Number.POSITIVE_INFINITY);
  });
});
