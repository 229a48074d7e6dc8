import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { NotAllowedError, type Actor } from '@/lib/auth/authorize';
import { createBusinessFixture, createTestDatabase } from '@/lib/testing/test-database';

// Integration tests on a real, migrated SQLite file: the code path the server actions take.
const testDb = await createTestDatabase();
const { getBusinessName, renameBusiness, transferOwnership } = await import('./data');
const { db } = testDb;
afterAll(() => testDb.cleanup());

const globex = await createBusinessFixture(db, 'Globex');

async function snapshot() {
  const [businesses, roles, audits] = await Promise.all([
    db.business.findMany({ select: { id: true, name: true }, orderBy: { id: 'asc' } }),
    db.membership.findMany({ select: { id: true, role: true }, orderBy: { id: 'asc' } }),
    db.auditEvent.count(),
  ]);
  return { businesses, roles, audits };
}
let before: Awaited<ReturnType<typeof snapshot>>;
beforeEach(async () => {
  before = await snapshot();
});
async function expectNothingWritten() {
  expect(await snapshot()).toEqual(before);
}
const roleOf = async (id: string) =>
  (await db.membership.findUniqueOrThrow({ where: { id }, select: { role: true } })).role;
const lastAudit = (businessId: string) =>
  db.auditEvent.findFirst({
    where: { businessId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  });

describe('getBusinessName', () => {
  it("reads the actor's own business, and refuses an actor with no role in it", async () => {
    expect(await getBusinessName(globex.support)).toBe('Globex Inc.');
    const holder: Actor = { ...globex.support, type: 'license_holder', role: null };
    await expect(getBusinessName(holder)).rejects.toBeInstanceOf(NotAllowedError);
  });
});

describe('renameBusiness', () => {
  it('renames the business and audits business.renamed', async () => {
    const acme = await createBusinessFixture(db, 'Acme');
    const result = await renameBusiness(acme.owner, { name: 'Acme Software' });
    expect(result).toEqual({ ok: true, value: { changed: true } });
    expect(await getBusinessName(acme.support)).toBe('Acme Software');
    expect(await lastAudit(acme.business.id)).toMatchObject({
      action: 'business.renamed',
      objectId: acme.business.id,
      actorId: acme.owner.id,
      summary: 'Renamed the business from "Acme Inc." to "Acme Software"',
    });
  });

  it('writes nothing when the name is unchanged', async () => {
    const result = await renameBusiness(globex.owner, { name: 'Globex Inc.' });
    expect(result).toEqual({ ok: true, value: { changed: false } });
    await expectNothingWritten();
  });

  it('refuses admins and support members, and writes nothing', async () => {
    await expect(renameBusiness(globex.admin, { name: 'Taken' })).rejects.toBeInstanceOf(
      NotAllowedError,
    );
    await expect(renameBusiness(globex.support, { name: 'Taken' })).rejects.toBeInstanceOf(
      NotAllowedError,
    );
    await expectNothingWritten();
  });
});

describe('transferOwnership', () => {
  it('makes the member an owner and the owner an admin, in one audited step', async () => {
    const acme = await createBusinessFixture(db, 'Acme');
    const result = await transferOwnership(acme.owner, { membershipId: acme.support.id });
    expect(result).toEqual({
      ok: true,
      value: { newOwner: { id: acme.support.id, name: 'Acme Support' } },
    });
    expect(await roleOf(acme.support.id)).toBe('owner');
    expect(await roleOf(acme.owner.id)).toBe('admin');
    expect(
      await db.membership.count({ where: { businessId: acme.business.id, role: 'owner' } }),
    ).toBe(1);
    expect(await lastAudit(acme.business.id)).toMatchObject({
      action: 'business.ownership_transferred',
      actorId: acme.owner.id,
      summary: 'Transferred ownership to Acme Support; Acme Owner is now an admin',
    });
  });

  it("answers not found for another business's member and writes nothing", async () => {
    const acme = await createBusinessFixture(db, 'Acme');
    before = await snapshot();
    const result = await transferOwnership(acme.owner, { membershipId: globex.admin.id });
    expect(result).toEqual({ ok: false, code: 'NEW_OWNER_NOT_FOUND' });
    await expectNothingWritten();
  });

  it('refuses a transfer to oneself, and writes nothing', async () => {
    const result = await transferOwnership(globex.owner, { membershipId: globex.owner.id });
    expect(result).toEqual({ ok: false, code: 'CANNOT_TRANSFER_TO_SELF' });
    await expectNothingWritten();
  });

  it('refuses an owner who was demoted since the request began, and writes nothing', async () => {
    const acme = await createBusinessFixture(db, 'Acme');
    await db.membership.update({ where: { id: acme.owner.id }, data: { role: 'admin' } });
    before = await snapshot();
    const result = await transferOwnership(acme.owner, { membershipId: acme.support.id });
    expect(result).toEqual({ ok: false, code: 'NOT_AN_OWNER' });
    await expectNothingWritten();
  });

  it('refuses admins and support members, and writes nothing', async () => {
    for (const actor of [globex.admin, globex.support]) {
      await expect(transferOwnership(actor, { membershipId: actor.id })).rejects.toBeInstanceOf(
        NotAllowedError,
      );
    }
    await expectNothingWritten();
  });
});
