import { afterAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/authorize';
import { newId } from '@/lib/ids';
import { newRequestId } from '@/lib/log';
import { createBusinessFixture, createTestDatabase } from '@/lib/testing/test-database';

// Integration tests on a real, migrated SQLite file: the code path of the key page and its action.
const testDb = await createTestDatabase();
const { deactivateInstance, getLicenseKeyUsage, listInstances } = await import('./data');
const licenses = await import('@/lib/licenses/data');
const holder = { requestId: newRequestId(), address: '198.51.100.7' };
const activateLicenseKey = (key: string, name: string, at?: Date) =>
  licenses.activateLicenseKey(key, name, holder, at);
/** True when the instance was deactivated, false when it was not found. */
const deactivateInstanceAsMember = async (actor: Actor, keyId: string, instanceId: string) =>
  (await deactivateInstance(actor, keyId, instanceId)).ok;
const { db } = testDb;
afterAll(() => testDb.cleanup());

const acme = await createBusinessFixture(db, 'Acme');
const globex = await createBusinessFixture(db, 'Globex');

type Fixture = typeof acme;

/** A key of the fixture's business with `names` activated on it, oldest first. */
async function keyWithInstances(fixture: Fixture, names: string[], activationsLimit = 5) {
  const key = await db.licenseKey.create({
    data: {
      id: newId('lic'),
      businessId: fixture.business.id,
      key: `INST-${newId('lic')}`,
      customerId: fixture.customer.id,
      productId: fixture.product.id,
      activationsLimit,
      source: 'manual',
    },
    select: { id: true, key: true },
  });
  const instances = [];
  for (const [i, name] of names.entries()) {
    const result = await activateLicenseKey(key.key, name, new Date(Date.UTC(2026, 0, 1 + i)));
    if (!result.ok) throw new Error(`activation failed: ${result.code}`);
    instances.push(result.value.instance);
  }
  return { ...key, instances };
}

async function snapshot(licenseKeyId: string) {
  const [key, instanceIds, auditEvents] = await Promise.all([
    db.licenseKey.findUniqueOrThrow({
      where: { id: licenseKeyId },
      select: { instancesCount: true },
    }),
    db.licenseKeyInstance.findMany({
      where: { licenseKeyId },
      orderBy: { id: 'asc' },
      select: { id: true },
    }),
    db.auditEvent.count(),
  ]);
  return {
    instancesCount: key.instancesCount,
    instanceIds: instanceIds.map((i) => i.id),
    auditEvents,
  };
}

describe('listInstances', () => {
  it("lists a key's instances newest first, and none of another business's key", async () => {
    const key = await keyWithInstances(acme, ['Build server', "Dana's MacBook Pro"]);
    const other = await keyWithInstances(globex, ['Globex laptop']);

    const listed = await listInstances(
      acme.owner,
      { licenseKeyId: key.id },
      { pageNumber: 0, pageSize: 100 },
    );
    expect(listed).toEqual([key.instances[1], key.instances[0]]);
    expect(listed.map((instance) => instance.name)).toEqual(["Dana's MacBook Pro", 'Build server']);
    expect(
      await listInstances(globex.owner, { licenseKeyId: key.id }, { pageNumber: 0, pageSize: 100 }),
    ).toEqual([]);
    expect(
      await listInstances(acme.owner, { licenseKeyId: other.id }, { pageNumber: 0, pageSize: 100 }),
    ).toEqual([]);
  });
});

describe('getLicenseKeyUsage', () => {
  it('gives the count, limit, status and instances of a key of the business, else null', async () => {
    const key = await keyWithInstances(acme, ['Laptop'], 3);
    expect(await getLicenseKeyUsage(acme.owner, key.id)).toEqual({
      instancesCount: 1,
      activationsLimit: 3,
      status: 'active',
      instances: [
        { id: key.instances[0].id, name: 'Laptop', createdAt: '2026-01-01T00:00:00.000Z' },
      ],
    });
    expect(await getLicenseKeyUsage(globex.owner, key.id)).toBeNull();
  });
});

describe('deactivateInstanceAsMember', () => {
  it('removes the instance, frees its seat and records who did it on the key', async () => {
    const key = await keyWithInstances(acme, ['Laptop', 'Desktop']);
    const [laptop, desktop] = key.instances;
    const before = await snapshot(key.id);

    expect(await deactivateInstanceAsMember(acme.support, key.id, laptop.id)).toBe(true);

    expect(await snapshot(key.id)).toEqual({
      instancesCount: 1,
      instanceIds: [desktop.id],
      auditEvents: before.auditEvents + 1,
    });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: 'license_key_instance.deactivated', objectId: key.id },
    });
    expect(event).toMatchObject({
      businessId: acme.business.id,
      objectType: 'license_key',
      actorType: 'member',
      actorId: acme.support.id,
      actorName: acme.support.name,
      actorRole: 'support',
      requestId: acme.support.requestId,
      summary: `Deactivated instance “Laptop” (${laptop.id})`,
    });
    // The freed seat can be taken again.
    expect((await activateLicenseKey(key.key, 'Laptop again')).ok).toBe(true);
  });

  it('answers false the second time, writing nothing more', async () => {
    const key = await keyWithInstances(acme, ['Laptop']);
    expect(await deactivateInstanceAsMember(acme.owner, key.id, key.instances[0].id)).toBe(true);
    const before = await snapshot(key.id);
    expect(await deactivateInstanceAsMember(acme.owner, key.id, key.instances[0].id)).toBe(false);
    expect(await snapshot(key.id)).toEqual(before);
  });

  it("refuses another business's key: not found, nothing written", async () => {
    const key = await keyWithInstances(acme, ['Laptop']);
    const before = await snapshot(key.id);
    expect(await deactivateInstanceAsMember(globex.owner, key.id, key.instances[0].id)).toBe(false);
    expect(await snapshot(key.id)).toEqual(before);
  });

  it("refuses another business's instance under one's own key: not found, nothing written", async () => {
    const mine = await keyWithInstances(acme, ['Laptop']);
    const theirs = await keyWithInstances(globex, ['Globex laptop']);
    const [mineBefore, theirsBefore] = [await snapshot(mine.id), await snapshot(theirs.id)];
    expect(await deactivateInstanceAsMember(acme.owner, mine.id, theirs.instances[0].id)).toBe(
      false,
    );
    expect(await snapshot(mine.id)).toEqual(mineBefore);
    expect(await snapshot(theirs.id)).toEqual(theirsBefore);
  });

  it('refuses an instance of another key of the same business: not found, nothing written', async () => {
    const first = await keyWithInstances(acme, ['Laptop']);
    const second = await keyWithInstances(acme, ['Desktop']);
    const [firstBefore, secondBefore] = [await snapshot(first.id), await snapshot(second.id)];
    expect(await deactivateInstanceAsMember(acme.admin, first.id, second.instances[0].id)).toBe(
      false,
    );
    expect(await snapshot(first.id)).toEqual(firstBefore);
    expect(await snapshot(second.id)).toEqual(secondBefore);
  });

  it('refuses an actor without keys:edit before touching anything', async () => {
    const key = await keyWithInstances(acme, ['Laptop']);
    const readOnly: Actor = {
      businessId: acme.business.id,
      type: 'api_key',
      id: 'key_readonly',
      name: 'Read-only key',
      role: 'read_only',
      requestId: newRequestId(),
    };
    const before = await snapshot(key.id);
    await expect(
      deactivateInstanceAsMember(readOnly, key.id, key.instances[0].id),
    ).rejects.toMatchObject({ name: 'NotAllowedError', reason: 'forbidden' });
    expect(await snapshot(key.id)).toEqual(before);
  });
});
