import { afterAll, describe, expect, it } from 'vitest';
import type { KeyLifetime } from '@/lib/products/schema';
import { newId } from '@/lib/ids';
import { productNameColumns } from '@/lib/products/rows';
import { createBusinessFixture, createTestDatabase } from '@/lib/testing/test-database';

// Integration tests on a real, migrated database: the same code path the Renew button's action takes.
const testDb = await createTestDatabase();
const { renewLicenseKey } = await import('./data-renew');
const { db } = testDb;
afterAll(() => testDb.cleanup());

const acme = await createBusinessFixture(db, 'Acme');
const globex = await createBusinessFixture(db, 'Globex');

const NOW = new Date('2026-03-10T12:00:00.000Z');

/** A key of a product of its own with `lifetime`, expiring at `expiresAt`. */
async function keyWith(
  lifetime: KeyLifetime | null,
  expiresAt: string | null,
  fixture = acme,
  instancesCount = 0,
) {
  const product = await db.product.create({
    data: {
      id: newId('pdt'),
      businessId: fixture.business.id,
      ...productNameColumns(`Renewable ${newId('pdt')}`),
      licenseKeyDurationCount: lifetime?.count ?? null,
      licenseKeyDurationInterval: lifetime?.interval ?? null,
    },
  });
  return db.licenseKey.create({
    data: {
      id: newId('lic'),
      businessId: fixture.business.id,
      key: `RENEW-${newId('lic')}`,
      customerId: fixture.customer.id,
      productId: product.id,
      activationsLimit: 3,
      instancesCount,
      expiresAt: expiresAt === null ? null : new Date(expiresAt),
      source: 'manual',
    },
  });
}

async function storedExpiry(id: string) {
  const key = await db.licenseKey.findUniqueOrThrow({ where: { id }, select: { expiresAt: true } });
  return key.expiresAt?.toISOString() ?? null;
}

const history = (id: string) =>
  db.auditEvent.findMany({
    where: { objectType: 'license_key', objectId: id },
    select: { action: true, summary: true, actorName: true, businessId: true },
  });

describe('renewLicenseKey', () => {
  it('extends a key still running from its current expiry, keeping the time it had left', async () => {
    const key = await keyWith({ count: 1, interval: 'year' }, '2026-06-01T08:30:00.000Z');
    const result = await renewLicenseKey(acme.support, key.id, NOW);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.expiresAt?.toISOString()).toBe('2027-06-01T08:30:00.000Z');
    expect(await storedExpiry(key.id)).toBe('2027-06-01T08:30:00.000Z');
    expect(result.value.status).toBe('active');
  });

  it('extends an expired key from now, not from its old expiry', async () => {
    const key = await keyWith({ count: 1, interval: 'year' }, '2025-01-15T00:00:00.000Z');
    const result = await renewLicenseKey(acme.owner, key.id, NOW);
    expect(result.ok && result.value.expiresAt?.toISOString()).toBe('2027-03-10T12:00:00.000Z');
    expect(await storedExpiry(key.id)).toBe('2027-03-10T12:00:00.000Z');
  });

  it('a key expiring exactly now is extended from now', async () => {
    const key = await keyWith({ count: 2, interval: 'week' }, NOW.toISOString());
    await renewLicenseKey(acme.owner, key.id, NOW);
    expect(await storedExpiry(key.id)).toBe('2026-03-24T12:00:00.000Z');
  });

  it.each([
    [{ count: 30, interval: 'day' }, '2026-04-01T10:00:00.000Z', '2026-05-01T10:00:00.000Z'],
    [{ count: 1, interval: 'week' }, '2026-04-01T10:00:00.000Z', '2026-04-08T10:00:00.000Z'],
    // A month from 31 March is the last day of April, not 1 May.
    [{ count: 1, interval: 'month' }, '2026-03-31T10:00:00.000Z', '2026-04-30T10:00:00.000Z'],
    [{ count: 6, interval: 'month' }, '2026-04-01T10:00:00.000Z', '2026-10-01T10:00:00.000Z'],
    // A year from 29 February 2028 is 28 February 2029.
    [{ count: 1, interval: 'year' }, '2028-02-29T10:00:00.000Z', '2029-02-28T10:00:00.000Z'],
  ] as const)('adds %o to %s: %s', async (lifetime, from, to) => {
    const key = await keyWith(lifetime, from);
    const result = await renewLicenseKey(acme.owner, key.id, NOW);
    expect(result.ok).toBe(true);
    expect(await storedExpiry(key.id)).toBe(to);
  });

  it('records the change in the key’s history with the old and the new expiry', async () => {
    const key = await keyWith({ count: 1, interval: 'year' }, '2026-06-01T08:30:00.000Z');
    await renewLicenseKey(acme.support, key.id, NOW);
    expect(await history(key.id)).toEqual([
      {
        action: 'license_key.expiry_changed',
        summary: 'Changed the expiry from 1 Jun 2026, 08:30 UTC to 1 Jun 2027, 08:30 UTC',
        actorName: 'Acme Support',
        businessId: acme.business.id,
      },
    ]);
  });

  it('keeps the activations and the limit as they were', async () => {
    const key = await keyWith({ count: 1, interval: 'month' }, '2026-04-01T10:00:00.000Z', acme, 2);
    await renewLicenseKey(acme.owner, key.id, NOW);
    const stored = await db.licenseKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(stored).toMatchObject({ activationsLimit: 3, instancesCount: 2, disabled: false });
  });

  it('refuses a key that never expires and changes nothing', async () => {
    const key = await keyWith({ count: 1, interval: 'year' }, null);
    expect(await renewLicenseKey(acme.owner, key.id, NOW)).toEqual({
      ok: false,
      code: 'NEVER_EXPIRES',
    });
    expect(await storedExpiry(key.id)).toBeNull();
    expect(await history(key.id)).toEqual([]);
  });

  it('refuses a key whose product has no lifetime and changes nothing', async () => {
    const key = await keyWith(null, '2026-06-01T08:30:00.000Z');
    expect(await renewLicenseKey(acme.owner, key.id, NOW)).toEqual({
      ok: false,
      code: 'NO_KEY_LIFETIME',
    });
    expect(await storedExpiry(key.id)).toBe('2026-06-01T08:30:00.000Z');
    expect(await history(key.id)).toEqual([]);
  });

  it("does not find another business's key, and changes nothing", async () => {
    const key = await keyWith({ count: 1, interval: 'year' }, '2026-06-01T08:30:00.000Z', globex);
    expect(await renewLicenseKey(acme.owner, key.id, NOW)).toEqual({
      ok: false,
      code: 'LICENSE_KEY_NOT_FOUND',
    });
    expect(await storedExpiry(key.id)).toBe('2026-06-01T08:30:00.000Z');
    expect(await history(key.id)).toEqual([]);
  });

  it('uses the clock when no time is given', async () => {
    const key = await keyWith({ count: 1, interval: 'day' }, '2020-01-01T00:00:00.000Z');
    const before = Date.now();
    await renewLicenseKey(acme.owner, key.id);
    const renewed = Date.parse((await storedExpiry(key.id))!);
    expect(renewed).toBeGreaterThanOrEqual(before + 86_400_000);
    expect(renewed).toBeLessThanOrEqual(Date.now() + 86_400_000);
  });
});
