import { afterAll, describe, expect, it } from 'vitest';
import { NotAllowedError, type Actor } from '@/lib/auth/authorize';
import { createBusinessFixture, createTestDatabase } from '@/lib/testing/test-database';

// Integration tests on a real, migrated database (SQLite, or PostgreSQL when DATABASE_URL says so).
const testDb = await createTestDatabase();
const { getBusinessTimeZone, setBusinessTimeZone } = await import('./data-time-zone');
const { db } = testDb;
afterAll(() => testDb.cleanup());

const zoneOf = async (id: string) =>
  (await db.business.findUniqueOrThrow({ where: { id }, select: { timeZone: true } })).timeZone;
const audits = (businessId: string) =>
  db.auditEvent.findMany({
    where: { businessId, action: 'business.time_zone_changed' },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });

describe('getBusinessTimeZone', () => {
  it('reads UTC for a business that never chose a zone, for every role', async () => {
    const acme = await createBusinessFixture(db, 'Acme');
    for (const actor of [acme.owner, acme.admin, acme.support]) {
      expect(await getBusinessTimeZone(actor)).toBe('UTC');
    }
    const holder: Actor = { ...acme.support, type: 'license_holder', role: null };
    await expect(getBusinessTimeZone(holder)).rejects.toBeInstanceOf(NotAllowedError);
  });
});

describe('setBusinessTimeZone', () => {
  it('sets the zone of the actor’s business alone and audits the change, old → new', async () => {
    const acme = await createBusinessFixture(db, 'Acme');
    const globex = await createBusinessFixture(db, 'Globex');
    const result = await setBusinessTimeZone(acme.owner, { timeZone: 'Europe/Berlin' });
    expect(result).toEqual({ ok: true, value: { changed: true } });
    expect(await zoneOf(acme.business.id)).toBe('Europe/Berlin');
    expect(await getBusinessTimeZone(acme.support)).toBe('Europe/Berlin');
    expect(await zoneOf(globex.business.id)).toBe('UTC');

    await setBusinessTimeZone(acme.owner, { timeZone: 'Pacific/Chatham' });
    expect(await audits(acme.business.id)).toMatchObject([
      {
        objectType: 'business',
        objectId: acme.business.id,
        actorId: acme.owner.id,
        actorRole: 'owner',
        summary: 'Changed the time zone from UTC to Europe/Berlin',
      },
      { summary: 'Changed the time zone from Europe/Berlin to Pacific/Chatham' },
    ]);
    expect(await audits(globex.business.id)).toEqual([]);
  });

  it('writes nothing when the zone is unchanged', async () => {
    const acme = await createBusinessFixture(db, 'Acme');
    const before = await db.auditEvent.count();
    const result = await setBusinessTimeZone(acme.owner, { timeZone: 'UTC' });
    expect(result).toEqual({ ok: true, value: { changed: false } });
    expect(await db.auditEvent.count()).toBe(before);
  });

  it('refuses admins and support members, and writes nothing', async () => {
    const acme = await createBusinessFixture(db, 'Acme');
    for (const actor of [acme.admin, acme.support]) {
      await expect(setBusinessTimeZone(actor, { timeZone: 'Asia/Tokyo' })).rejects.toBeInstanceOf(
        NotAllowedError,
      );
    }
    expect(await zoneOf(acme.business.id)).toBe('UTC');
    expect(await audits(acme.business.id)).toEqual([]);
  });

  it('answers not found for a business that is gone', async () => {
    const acme = await createBusinessFixture(db, 'Acme');
    const ghost = { ...acme.owner, businessId: 'bus_gone' };
    expect(await setBusinessTimeZone(ghost, { timeZone: 'Asia/Tokyo' })).toEqual({
      ok: false,
      code: 'BUSINESS_NOT_FOUND',
    });
  });

  it('serialises concurrent changes: each audit names the zone the change before it left', async () => {
    const acme = await createBusinessFixture(db, 'Acme');
    const zones = ['Asia/Tokyo', 'America/New_York', 'Europe/Paris', 'Australia/Sydney'];
    const results = await Promise.all(
      zones.map((timeZone) => setBusinessTimeZone(acme.owner, { timeZone })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const trail = await audits(acme.business.id);
    // Each change names the zone the one before it left, so the trail is one unbroken chain.
    let from = 'UTC';
    for (const event of trail) {
      const [, old, next] = event.summary.match(/^Changed the time zone from (\S+) to (\S+)$/)!;
      expect(old).toBe(from);
      from = next;
    }
    expect(await zoneOf(acme.business.id)).toBe(from);
  });
});
