import { describe, expect, it } from 'vitest';
import {
  customerCountLine,
  customerListQuery,
  customerListViewSchema,
  decodeCustomerCursor,
  encodeCustomerCursor,
} from './list';

describe('customer list cursors', () => {
  it('round-trip any name, emoji and dots included', () => {
    for (const nameLower of ['dana kim', 'zoë "quotes" ng', 'a.b.c', '😀 ünïcode', '']) {
      const cursor = { position: 51, tier: 2 as const, nameLower, id: 'cus_AbC123' };
      const text = encodeCustomerCursor(cursor);
      expect(text).toMatch(/^[A-Za-z0-9_.-]+$/); // safe in a URL as it is
      expect(decodeCustomerCursor(text, 'after')).toEqual({ ...cursor, direction: 'after' });
    }
  });

  it('refuse what Keydesk did not write', () => {
    const good = encodeCustomerCursor({ position: 1, tier: 1, nameLower: 'dana', id: 'cus_1' });
    expect(decodeCustomerCursor(good, 'before')).not.toBeNull();
    for (const bad of [
      '',
      'cus_1',
      good.replace(/^1\./, '-1.'),
      good.replace('.1.', '.3.'),
      good.replace('cus_1', 'cus 1'),
      '1.1.ZGFuYQ=.cus_1', // padding
      '1.1.ZGFuYR.cus_1', // stray bits
      '1.1./w.cus_1', // not base64url
      '1.1._w.cus_1', // not UTF-8
      `1.1.${'A'.repeat(1300)}.cus_1`,
    ]) {
      expect(decodeCustomerCursor(bad, 'after')).toBeNull();
    }
  });

  it('the view takes q, after or before, and drops a broken cursor', () => {
    const after = encodeCustomerCursor({ position: 50, tier: 1, nameLower: 'kim', id: 'cus_9' });
    expect(customerListViewSchema.parse({ q: ['  dana\u0000 ', 'x'], after })).toEqual({
      search: 'dana',
      cursor: { direction: 'after', position: 50, tier: 1, nameLower: 'kim', id: 'cus_9' },
    });
    expect(customerListViewSchema.parse({ before: 'nonsense' })).toEqual({
      search: '',
      cursor: null,
    });
    expect(customerListQuery('dana kim', { after })).toBe(`?q=dana+kim&after=${after}`);
    expect(customerListQuery('')).toBe('');
  });
});

describe('customerCountLine', () => {
  it('says what is shown, of how many, exactly or past the bound', () => {
    expect(customerCountLine(1, 50, { value: 1234, exact: true })).toBe(
      'Showing 1–50 of 1,234 customers',
    );
    expect(customerCountLine(50_001, 50, { value: 10_000, exact: false })).toBe(
      'Showing 50,001–50,050 of more than 10,000 customers',
    );
    expect(customerCountLine(1, 1, { value: 1, exact: true })).toBe('Showing 1–1 of 1 customer');
    expect(customerCountLine(1, 0, { value: 0, exact: true })).toBe('No customers');
  });
});
