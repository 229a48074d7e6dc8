import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { NotAllowedError } from '@/lib/auth/authorize';
import { newId } from '@/lib/ids';
import { createBusinessFixture, createTestDatabase } from '@/lib/testing/test-database';

// Integration tests on a real, migrated SQLite file.
const testDb = await createTestDatabase();
const { ACTIVITY_PAGE_SIZE, listActivity, listLatestActivity, listObjectHistory } =
  await import('./data');
const { describeActor } = await import('./describe');
const { createLicenseKey, updateLicenseKey } = await import('@/lib/license-keys/data');

/** Disables or enables through the one update function; true when the key was found. */
async function setLicenseKeyDisabled(actor: typeof acme.owner, id: string, disabled: boolean) {
  return (await updateLicenseKey(actor, id, { disabled })).ok;
}
const { db } = testDb;
afterAll(() => testDb.cleanup());

const acme = await createBusinessFixture(db, 'Acme');
const globex = await createBusinessFixture(db, 'Globex');

async function issueKey(fixture: typeof acme, actor = fixture.support) {
  const result = await createLicenseKey(actor, {
    mode: 'generate',
    customerId: fixture.customer.id,
    productId: fixture.product.id,
    activationsLimit: 2,
    expiresAt: null,
  });
  if (!result.ok) throw new Error(`createLicenseKey failed: ${JSON.stringify(result)}`);
  return result.value.id;
}

/** Events of one request order by time, then by random id: give each step its own millisecond. */
const nextMillisecond = () => new Promise((resolve) => setTimeout(resolve, 3));

async function counts() {
  return {
    events: await db.auditEvent.count(),
    disabled: await db.licenseKey.count({ where: { disabled: true } }),
  };
}

let before: Awaited<ReturnType<typeof counts>>;
beforeEach(async () => {
  before = await counts();
});

describe('listActivity', () => {
  it('pages the business’s events newest first, 25 a page', async () => {
    // A business of its own, so the count is exact; one event a minute, oldest first.
    const fixture = await createBusinessFixture(db, 'Paged');
    const start = Date.parse('2026-11-01T00:00:00Z');
    const total = ACTIVITY_PAGE_SIZE + 5;
    for (let i = 0; i < total; i++) {
      await db.auditEvent.create({
        data: {
          id: newId('evt'),
          businessId: fixture.business.id,
          actorType: 'member',
          actorId: fixture.owner.id,
          actorName: 'Paged Owner',
          actorRole: 'owner',
          action: 'test.event',
          objectType: 'test',
          objectId: `obj_${i}`,
          summary: `Event ${i}`,
          requestId: `req_${i}`,
          createdAt: new Date(start + i * 60_000),
        },
      });
    }
    await issueKey(globex); // another business's event, never listed

    const first = await listActivity(fixture.owner, 1);
    expect(first).toMatchObject({ page: 1, pageCount: 2, total });
    expect(first.events).toHaveLength(ACTIVITY_PAGE_SIZE);
    expect(first.events[0].summary).toBe(`Event ${total - 1}`);
    expect(first.events.at(-1)?.summary).toBe(`Event ${total - ACTIVITY_PAGE_SIZE}`);

    const second = await listActivity(fixture.admin, 2);
    expect(second.events.map((e) => e.summary)).toEqual([
      'Event 4',
      'Event 3',
      'Event 2',
      'Event 1',
      'Event 0',
    ]);
    expect((await listActivity(fixture.owner, 3)).events).toEqual([]);
    expect((await listActivity(fixture.owner, 0)).page).toBe(1);
    expect((await listActivity(fixture.owner, Number.NaN)).page).toBe(1);

    // The overview's latest ten: the first page's first ten.
    const latest = await listLatestActivity(fixture.admin, 10);
    expect(latest).toEqual(first.events.slice(0, 10));
  });

  it('refuses support', async () => {
    await expect(listActivity(acme.support, 1)).rejects.toThrow(NotAllowedError);
    await expect(listLatestActivity(acme.support, 10)).rejects.toThrow(NotAllowedError);
  });
});

describe('listObjectHistory', () => {
  it('lists one key’s events oldest first, within the business only', async () => {
    const id = await issueKey(acme);
    await nextMillisecond();
    await setLicenseKeyDisabled(acme.admin, id, true);
    await nextMillisecond();
    await setLicenseKeyDisabled(acme.owner, id, false);

    const history = await listObjectHistory(acme.owner, 'license_key', id);
    expect(history.map((e) => e.action)).toEqual([
      'license_key.issued',
      'license_key.disabled',
      'license_key.enabled',
    ]);
    expect(history.map(describeActor)).toEqual([
      'Acme Support (support)',
      'Acme Admin (admin)',
      'Acme Owner (owner)',
    ]);
    expect(history[0].summary).toMatch(/^Issued key ••••[2-9A-HJ-NP-Z]{4}$/);
    expect(await listObjectHistory(globex.owner, 'license_key', id)).toEqual([]);
  });
});

describe('setLicenseKeyDisabled', () => {
  it('lets support disable and enable, and records who did', async () => {
    const id = await issueKey(acme, acme.owner);
    before = await counts();
    expect(await setLicenseKeyDisabled(acme.support, id, true)).toBe(true);
    expect((await db.licenseKey.findUniqueOrThrow({ where: { id } })).disabled).toBe(true);
    await nextMillisecond();
    expect(await setLicenseKeyDisabled(acme.support, id, false)).toBe(true);
    expect((await db.licenseKey.findUniqueOrThrow({ where: { id } })).disabled).toBe(false);

    const events = await db.auditEvent.findMany({
      where: { objectId: id, action: { in: ['license_key.disabled', 'license_key.enabled'] } },
      orderBy: { createdAt: 'asc' },
    });
    expect(events).toMatchObject([
      {
        action: 'license_key.disabled',
        businessId: acme.business.id,
        actorId: acme.support.id,
        actorRole: 'support',
        objectType: 'license_key',
        requestId: acme.support.requestId,
      },
      { action: 'license_key.enabled', actorId: acme.support.id },
    ]);
    const key = await db.licenseKey.findUniqueOrThrow({ where: { id } });
    expect(JSON.stringify(events)).not.toContain(key.key);
  });

  it("answers false for another business's key and writes nothing", async () => {
    const theirs = await issueKey(globex);
    before = await counts();
    expect(await setLicenseKeyDisabled(acme.owner, theirs, true)).toBe(false);
    expect(await setLicenseKeyDisabled(acme.owner, 'lic_doesnotexist', true)).toBe(false);
    expect(await counts()).toEqual(before);
    expect((await db.licenseKey.findUniqueOrThrow({ where: { id: theirs } })).disabled).toBe(false);
  });
});
