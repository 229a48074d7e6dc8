import { afterEach, describe, expect, it, vi } from 'vitest';
import { licenseKeyStatusWhere } from './data-status';
import { LICENSE_KEY_STATUSES, licenseKeyStatus, type LicenseKeyStatus } from './status';

type SampleKey = { disabled: boolean; expiresAt: Date | null };

const NOW = new Date('2026-06-15T12:00:00.000Z');
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);
const DAY = 24 * 60 * 60 * 1000;

afterEach(() => {
  vi.useRealTimers();
});

/**
 * Evaluates the subset of Prisma's where syntax that status filters use, with SQL's null
 * semantics: a comparison with a null column is false. Anything else throws, so a change to the
 * shape of the conditions makes these tests fail instead of passing vacuously.
 */
function matches(key: SampleKey, where: object): boolean {
  return Object.entries(where).every(([field, condition]) => {
    switch (field) {
      case 'disabled':
        if (typeof condition !== 'boolean') throw new Error(`unsupported disabled: ${condition}`);
        return key.disabled === condition;
      case 'expiresAt':
        return matchesExpiresAt(key.expiresAt, condition);
      case 'OR':
        if (!Array.isArray(condition)) throw new Error('OR must be an array');
        return condition.some((branch: object) => matches(key, branch));
      case 'AND':
        if (!Array.isArray(condition)) throw new Error('AND must be an array');
        return condition.every((branch: object) => matches(key, branch));
      default:
        throw new Error(`unsupported field in where: ${field}`);
    }
  });
}

function matchesExpiresAt(value: Date | null, condition: unknown): boolean {
  if (condition === null) return value === null;
  if (typeof condition !== 'object' || condition instanceof Date) {
    throw new Error(`unsupported expiresAt condition: ${String(condition)}`);
  }
  return Object.entries(condition).every(([operator, operand]) => {
    if (operator === 'not' && operand === null) return value !== null;
    if (!(operand instanceof Date)) throw new Error(`unsupported operand for ${operator}`);
    if (value === null) return false; // SQL: NULL compared with anything is not true
    switch (operator) {
      case 'lte':
        return value.getTime() <= operand.getTime();
      case 'lt':
        return value.getTime() < operand.getTime();
      case 'gt':
        return value.getTime() > operand.getTime();
      case 'gte':
        return value.getTime() >= operand.getTime();
      default:
        throw new Error(`unsupported expiresAt operator: ${operator}`);
    }
  });
}

const EXPIRIES: [string, Date | null][] = [
  ['never', null],
  ['a day ago', at(-DAY)],
  ['1 ms ago', at(-1)],
  ['exactly now', at(0)],
  ['in 1 ms', at(1)],
  ['in a day', at(DAY)],
];
const GRID: SampleKey[] = [false, true].flatMap((disabled) =>
  EXPIRIES.map(([, expiresAt]) => ({ disabled, expiresAt })),
);
const describeKey = (key: SampleKey) =>
  `disabled=${key.disabled}, expiresAt=${key.expiresAt?.toISOString() ?? 'null'}`;

describe('the where evaluator used here', () => {
  it('applies SQL null semantics and refuses what it does not understand', () => {
    const open = { disabled: false, expiresAt: null };
    expect(matches(open, { expiresAt: { gt: NOW } })).toBe(false);
    expect(matches(open, { expiresAt: { lte: NOW } })).toBe(false);
    expect(matches(open, { expiresAt: null })).toBe(true);
    expect(matches({ disabled: false, expiresAt: NOW }, { expiresAt: { not: null } })).toBe(true);
    expect(() => matches(open, { status: 'active' })).toThrow();
    expect(() => matches(open, { expiresAt: { in: [NOW] } })).toThrow();
  });
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

describe('licenseKeyStatusWhere', () => {
  it('the grid covers every status, so the checks below are not vacuous', () => {
    const statuses = new Set(GRID.map((key) => licenseKeyStatus(key, NOW)));
    expect([...statuses].sort()).toEqual([...LICENSE_KEY_STATUSES].sort());
  });

  it.each(LICENSE_KEY_STATUSES)(
    'matches exactly the keys whose status is %s',
    (status: LicenseKeyStatus) => {
      const where = licenseKeyStatusWhere(status, NOW);
      for (const key of GRID) {
        expect(matches(key, where), describeKey(key)).toBe(licenseKeyStatus(key, NOW) === status);
      }
    },
  );

  it('puts every key in exactly one status', () => {
    for (const key of GRID) {
      const matching = LICENSE_KEY_STATUSES.filter((status) =>
        matches(key, licenseKeyStatusWhere(status, NOW)),
      );
      expect(matching, describeKey(key)).toHaveLength(1);
    }
  });

  it('uses the current time when no instant is given', () => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
    const expiringNow = { disabled: false, expiresAt: at(0) };
    const expiringSoon = { disabled: false, expiresAt: at(1) };
    expect(matches(expiringNow, licenseKeyStatusWhere('expired'))).toBe(true);
    expect(matches(expiringNow, licenseKeyStatusWhere('active'))).toBe(false);
    expect(matches(expiringSoon, licenseKeyStatusWhere('active'))).toBe(true);
    expect(matches(expiringSoon, licenseKeyStatusWhere('expired'))).toBe(false);
  });
});
