import { afterEach, describe, expect, it, vi } from 'vitest';
import { licenseKeyStatus } from './status';

// The status rule in TypeScript. The same rule as SQL (the key list's status filter) is checked
// against this one on each engine, a millisecond either side of an expiry, in
// lib/database/engine-parity.test.ts and lib/license-keys/data-list.test.ts.

const NOW = new Date('2026-06-15T12:00:00.000Z');
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);
const DAY = 24 * 60 * 60 * 1000;

afterEach(() => {
  vi.useRealTimers();
});

describe('licenseKeyStatus', () => {
  it('is active for a key that is not disabled and never expires', () => {
    expect(licenseKeyStatus({ disabled: false, expiresAt: null }, NOW)).toBe('active');
  });

  it('is disabled for a disabled key, even one that has expired', () => {
    expect(licenseKeyStatus({ disabled: true, expiresAt: at(-DAY) }, NOW)).toBe('disabled');
    expect(licenseKeyStatus({ disabled: true, expiresAt: at(0) }, NOW)).toBe('disabled');
    expect(licenseKeyStatus({ disabled: true, expiresAt: at(DAY) }, NOW)).toBe('disabled');
    expect(licenseKeyStatus({ disabled: true, expiresAt: null }, NOW)).toBe('disabled');
  });

  it('is expired exactly at the expiry instant', () => {
    expect(licenseKeyStatus({ disabled: false, expiresAt: new Date(NOW.getTime()) }, NOW)).toBe(
      'expired',
    );
  });

  it('is active one millisecond before the expiry instant', () => {
    expect(licenseKeyStatus({ disabled: false, expiresAt: at(1) }, NOW)).toBe('active');
  });

  it('is expired after the expiry instant', () => {
    expect(licenseKeyStatus({ disabled: false, expiresAt: at(-1) }, NOW)).toBe('expired');
    expect(licenseKeyStatus({ disabled: false, expiresAt: at(-DAY) }, NOW)).toBe('expired');
  });

  it('uses the current time when no instant is given', () => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
    expect(licenseKeyStatus({ disabled: false, expiresAt: at(0) })).toBe('expired');
    expect(licenseKeyStatus({ disabled: false, expiresAt: at(1) })).toBe('active');
  });
});
