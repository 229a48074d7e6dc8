import { describe, expect, it } from 'vitest';
import { renewedExpiry, renewLabel } from './renewal';

const NOW = new Date('2026-03-10T12:00:00.000Z');
const at = (iso: string) => new Date(iso);

describe('renewedExpiry', () => {
  it('adds the lifetime to the current expiry while the key still runs', () => {
    expect(
      renewedExpiry(at('2026-05-01T00:00:00Z'), { count: 1, interval: 'year' }, NOW).toISOString(),
    ).toBe('2027-05-01T00:00:00.000Z');
  });

  it('adds the lifetime to now once the key has expired, or expires this instant', () => {
    const lifetime = { count: 30, interval: 'day' } as const;
    expect(renewedExpiry(at('2025-05-01T00:00:00Z'), lifetime, NOW).toISOString()).toBe(
      '2026-04-09T12:00:00.000Z',
    );
    expect(renewedExpiry(NOW, lifetime, NOW).toISOString()).toBe('2026-04-09T12:00:00.000Z');
  });

  it('does not change its arguments', () => {
    const expiresAt = at('2026-05-01T00:00:00Z');
    const now = new Date(NOW);
    renewedExpiry(expiresAt, { count: 1, interval: 'month' }, now);
    renewedExpiry(at('2020-01-01T00:00:00Z'), { count: 1, interval: 'month' }, now);
    expect(expiresAt.toISOString()).toBe('2026-05-01T00:00:00.000Z');
    expect(now.toISOString()).toBe(NOW.toISOString());
  });
});

describe('renewLabel', () => {
  it('says by how much', () => {
    expect(renewLabel({ count: 1, interval: 'year' })).toBe('Renew for 1 year');
    expect(renewLabel({ count: 30, interval: 'day' })).toBe('Renew for 30 days');
    expect(renewLabel({ count: 1, interval: 'month' })).toBe('Renew for 1 month');
    expect(renewLabel({ count: 2, interval: 'week' })).toBe('Renew for 2 weeks');
  });
});
