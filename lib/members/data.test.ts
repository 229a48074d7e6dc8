import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { NotAllowedError, type Actor } from '@/lib/auth/authorize';
import { newId } from '@/lib/ids';
import { newRequestId } from '@/lib/log';
import {
  createBusinessFixture,
  createMemberActor,
  createTestDatabase,
} from '@/lib/testing/test-database';

// Integration tests on a real, migrated SQLite file: the code path the server actions take.
const testDb = await createTestDatabase();
const data = { ...(await import('./data')), ...(await import('./data-invites')) };
const { db } = testDb;
afterAll(() => testDb.cleanup());

const acme = await createBusinessFixture(db, 'Acme');
const globex = await createBusinessFixture(db, 'Globex');

/** Every table these functions write, so "nothing written" can be asserted whole. */
async function counts() {
  const [memberships, invites, openInvites, audits, users, roles] = await Promise.all([
    db.membership.count(),
    db.invite.count(),
    db.invite.count({ where: { acceptedAt: null, revokedAt: null } }),
    db.auditEvent.count(),
    db.user.count(),
    db.membership.findMany({ select: { id: true, role: true }, orderBy: { id: 'asc' } }),
  ]);
  return { memberships, invites, openInvites, audits, users, roles };
}
let before: Awaited<ReturnType<typeof counts>>;
beforeEach(async () => {
  before = await counts();
});
async function expectNothingWritten() {
  expect(await counts()).toEqual(before);
}

let n = 0;
const email = (label = 'person') => `${label}-${++n}@invitee.example`;
const lastAudit = (objectId: string) =>
  db.auditEvent.findFirst({ where: { objectId }, orderBy: { createdAt: 'desc' } });

async function newUser(address: string) {
  return db.user.create({ data: { id: newId('usr'), name: `User ${address}`, email: address } });
}

async function invite(
  actor: Actor,
  address = email(),
  role: 'owner' | 'admin' | 'support' = 'support',
  now?: Date,
) {
  const result = await data.createInvite(actor, { email: address, role }, now);
  if (!result.ok) throw new Error(`invite failed: ${JSON.stringify(result)}`);
  return result.value;
}

async function accept(token: string, userId: string, now?: Date) {
  return data.acceptInvite({ token, userId, requestId: newRequestId() }, now);
}

describe('listMembers and listPendingInvites', () => {
  it("list only the actor's business", async () => {
    const members = await data.listMembers(acme.admin);
    expect(members.map((m) => m.id).sort()).toEqual(
      [acme.owner.id, acme.admin.id, acme.support.id].sort(),
    );
    expect(members[0]).toMatchObject({ name: 'Acme Owner', role: 'owner' });
    const mine = await invite(acme.owner);
    await invite(globex.owner);
    const pending = await data.listPendingInvites(acme.owner);
    expect(pending.map((i) => i.id)).toContain(mine.inviteId);
    expect(pending.every((i) => i.email.endsWith('@invitee.example'))).toBe(true);
    expect(
      await db.invite.count({
        where: { id: { in: pending.map((i) => i.id) }, businessId: globex.business.id },
      }),
    ).toBe(0);
  });

  it('refuse a support member', async () => {
    await expect(data.listMembers(acme.support)).rejects.toBeInstanceOf(NotAllowedError);
    await expect(data.listPendingInvites(acme.support)).rejects.toBeInstanceOf(NotAllowedError);
  });
});

describe('createInvite', () => {
  it('stores only the hash of a 32-byte token, valid 7 days, and audits member.invited', async () => {
    const now = new Date('2030-01-01T00:00:00Z');
    const result = await invite(acme.admin, 'Dana@Invitee.Example', 'admin', now);
    expect(result.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await db.invite.findUniqueOrThrow({ where: { id: result.inviteId } });
    expect(row).toMatchObject({
      businessId: acme.business.id,
      email: 'Dana@Invitee.Example',
      emailLower: 'dana@invitee.example',
      role: 'admin',
      invitedByMemberId: acme.admin.id,
      tokenHash: data.hashInviteToken(result.token),
    });
    expect(row.tokenHash).not.toContain(result.token);
    expect(row.expiresAt.toISOString()).toBe('2030-01-08T00:00:00.000Z');
    expect(await lastAudit(result.inviteId)).toMatchObject({
      action: 'member.invited',
      actorId: acme.admin.id,
      businessId: acme.business.id,
    });
  });

  it('answers ALREADY_A_MEMBER for a member of this business, and writes nothing', async () => {
    const { user } = await db.membership.findUniqueOrThrow({
      where: { id: acme.support.id },
      select: { user: { select: { email: true } } },
    });
    const result = await data.createInvite(acme.owner, {
      email: user.email.toUpperCase(),
      role: 'admin',
    });
    expect(result).toEqual({ ok: false, code: 'ALREADY_A_MEMBER' });
    await expectNothingWritten();
  });

  it('replaces a pending invite for the same address: the old one is revoked and audited', async () => {
    const address = email();
    const first = await invite(acme.owner, address);
    const second = await invite(acme.admin, address.toUpperCase(), 'admin');
    const old = await db.invite.findUniqueOrThrow({ where: { id: first.inviteId } });
    expect(old.revokedAt).not.toBeNull();
    expect((await lastAudit(first.inviteId))?.action).toBe('invite.revoked');
    expect((await data.findInvite(first.token))?.status).toBe('revoked');
    expect((await data.findInvite(second.token))?.status).toBe('pending');
  });

  it('lets only owners invite an owner', async () => {
    const refused = await data.createInvite(acme.admin, { email: email(), role: 'owner' });
    expect(refused).toEqual({ ok: false, code: 'OWNER_INVITE_OWNER_ONLY' });
    await expectNothingWritten();
    expect((await data.createInvite(acme.owner, { email: email(), role: 'owner' })).ok).toBe(true);
  });

  it('refuses a support member and writes nothing', async () => {
    await expect(
      data.createInvite(acme.support, { email: email(), role: 'support' }),
    ).rejects.toBeInstanceOf(NotAllowedError);
    await expectNothingWritten();
  });
});

describe('revokeInvite', () => {
  it('revokes a pending invite and audits invite.revoked', async () => {
    const { inviteId, token } = await invite(acme.owner);
    expect((await data.revokeInvite(acme.admin, inviteId)).ok).toBe(true);
    expect((await data.findInvite(token))?.status).toBe('revoked');
    expect(await lastAudit(inviteId)).toMatchObject({
      action: 'invite.revoked',
      actorId: acme.admin.id,
    });
    expect(await data.revokeInvite(acme.admin, inviteId)).toEqual({
      ok: false,
      code: 'INVITE_NOT_FOUND',
    });
  });

  it("answers not found for another business's invite and writes nothing", async () => {
    const { inviteId } = await invite(globex.owner);
    before = await counts();
    expect(await data.revokeInvite(acme.owner, inviteId)).toEqual({
      ok: false,
      code: 'INVITE_NOT_FOUND',
    });
    await expectNothingWritten();
  });

  it('lets only owners revoke an invite to become an owner', async () => {
    const { inviteId } = await invite(acme.owner, email(), 'owner');
    before = await counts();
    expect(await data.revokeInvite(acme.admin, inviteId)).toEqual({
      ok: false,
      code: 'OWNER_ONLY',
    });
    await expectNothingWritten();
  });

  it('refuses a support member and writes nothing', async () => {
    const { inviteId } = await invite(acme.owner);
    before = await counts();
    await expect(data.revokeInvite(acme.support, inviteId)).rejects.toBeInstanceOf(NotAllowedError);
    await expectNothingWritten();
  });
});

describe('changeMemberRole', () => {
  it('changes a role and audits member.role_changed', async () => {
    const dana = await createMemberActor(db, acme.business.id, 'support', 'Dana');
    const result = await data.changeMemberRole(acme.admin, {
      membershipId: dana.id,
      role: 'admin',
    });
    expect(result).toEqual({ ok: true, value: { name: 'Dana', role: 'admin', changed: true } });
    expect((await db.membership.findUniqueOrThrow({ where: { id: dana.id } })).role).toBe('admin');
    expect(await lastAudit(dana.id)).toMatchObject({
      action: 'member.role_changed',
      actorId: acme.admin.id,
      summary: "Changed Dana's role from Support to Admin",
    });
  });

  it('lets owners grant and take away the owner role while another owner remains', async () => {
    const biz = await createBusinessFixture(db, 'Duo');
    expect(
      (await data.changeMemberRole(biz.owner, { membershipId: biz.admin.id, role: 'owner' })).ok,
    ).toBe(true);
    const promoted: Actor = { ...biz.admin, type: 'member', role: 'owner' };
    expect(
      (await data.changeMemberRole(promoted, { membershipId: biz.owner.id, role: 'support' })).ok,
    ).toBe(true);
    expect(await lastAudit(biz.owner.id)).toMatchObject({
      action: 'member.role_changed',
      actorId: biz.admin.id,
    });
  });

  it('keeps admins away from the owner role: no granting it, no changing an owner', async () => {
    const dana = await createMemberActor(db, acme.business.id, 'support', 'Dana');
    before = await counts();
    const grant = await data.changeMemberRole(acme.admin, { membershipId: dana.id, role: 'owner' });
    const demote = await data.changeMemberRole(acme.admin, {
      membershipId: acme.owner.id,
      role: 'admin',
    });
    expect(grant).toEqual({ ok: false, code: 'OWNER_ONLY' });
    expect(demote).toEqual({ ok: false, code: 'OWNER_ONLY' });
    await expectNothingWritten();
  });

  it('refuses to demote the last owner, also by themselves', async () => {
    const biz = await createBusinessFixture(db, 'Solo');
    before = await counts();
    const result = await data.changeMemberRole(biz.owner, {
      membershipId: biz.owner.id,
      role: 'admin',
    });
    expect(result).toEqual({ ok: false, code: 'LAST_OWNER' });
    await expectNothingWritten();
  });

  it("answers not found for another business's member and writes nothing", async () => {
    const result = await data.changeMemberRole(acme.owner, {
      membershipId: globex.support.id,
      role: 'admin',
    });
    expect(result).toEqual({ ok: false, code: 'MEMBER_NOT_FOUND' });
    await expectNothingWritten();
  });

  it('refuses a support member and writes nothing', async () => {
    await expect(
      data.changeMemberRole(acme.support, { membershipId: acme.support.id, role: 'owner' }),
    ).rejects.toBeInstanceOf(NotAllowedError);
    await expectNothingWritten();
  });
});

describe('removeMember', () => {
  it('removes a member and audits member.removed', async () => {
    const dana = await createMemberActor(db, acme.business.id, 'admin', 'Dana');
    expect((await data.removeMember(acme.admin, dana.id)).ok).toBe(true);
    expect(await db.membership.findUnique({ where: { id: dana.id } })).toBeNull();
    expect(await lastAudit(dana.id)).toMatchObject({
      action: 'member.removed',
      actorId: acme.admin.id,
    });
  });

  it('lets a member remove themselves, and an owner leave while another owner remains', async () => {
    const biz = await createBusinessFixture(db, 'Leavers');
    expect(await data.removeMember(biz.admin, biz.admin.id)).toEqual({
      ok: true,
      value: { name: 'Leavers Admin', left: true },
    });
    const second = await createMemberActor(db, biz.business.id, 'owner', 'Second Owner');
    expect((await data.removeMember(biz.owner, biz.owner.id)).ok).toBe(true);
    expect(
      await db.membership.count({ where: { businessId: biz.business.id, role: 'owner' } }),
    ).toBe(1);
    expect((await lastAudit(biz.owner.id))?.summary).toBe('Leavers Owner left the business');
    // Now the second owner is the last one.
    before = await counts();
    expect(await data.removeMember(second, second.id)).toEqual({ ok: false, code: 'LAST_OWNER' });
    await expectNothingWritten();
  });

  it('refuses to remove the last owner', async () => {
    const biz = await createBusinessFixture(db, 'Keep');
    before = await counts();
    expect(await data.removeMember(biz.owner, biz.owner.id)).toEqual({
      ok: false,
      code: 'LAST_OWNER',
    });
    await expectNothingWritten();
  });

  it('refuses an admin removing an owner', async () => {
    expect(await data.removeMember(acme.admin, acme.owner.id)).toEqual({
      ok: false,
      code: 'OWNER_ONLY',
    });
    await expectNothingWritten();
  });

  it("answers not found for another business's member and writes nothing", async () => {
    expect(await data.removeMember(acme.owner, globex.admin.id)).toEqual({
      ok: false,
      code: 'MEMBER_NOT_FOUND',
    });
    await expectNothingWritten();
  });

  it('refuses a support member and writes nothing', async () => {
    await expect(data.removeMember(acme.support, acme.admin.id)).rejects.toBeInstanceOf(
      NotAllowedError,
    );
    await expectNothingWritten();
  });
});

describe('findInvite and acceptInvite', () => {
  it('tells what a token leads to: nothing, pending (with or without an account), expired', async () => {
    expect(await data.findInvite('x'.repeat(43))).toBeNull();
    const address = email();
    const { token } = await invite(acme.owner, address, 'admin');
    expect(await data.findInvite(token)).toMatchObject({
      businessName: 'Acme Inc.',
      email: address,
      role: 'admin',
      status: 'pending',
      accountExists: false,
    });
    await newUser(address);
    expect((await data.findInvite(token))?.accountExists).toBe(true);
    const later = new Date(Date.now() + 8 * 24 * 60 * 60 * 1000);
    expect((await data.findInvite(token, later))?.status).toBe('expired');
  });

  it('makes the invited user a member, marks the invite used, audits member.joined as the new member', async () => {
    const address = email();
    const { token, inviteId } = await invite(acme.admin, address, 'admin');
    const user = await newUser(address);
    const result = await accept(token, user.id);
    expect(result).toMatchObject({ ok: true, value: { businessId: acme.business.id } });
    if (!result.ok) return;
    const { membershipId } = result.value;
    const membership = await db.membership.findUniqueOrThrow({ where: { id: membershipId } });
    expect(membership).toMatchObject({
      userId: user.id,
      businessId: acme.business.id,
      role: 'admin',
    });
    expect(
      (await db.invite.findUniqueOrThrow({ where: { id: inviteId } })).acceptedAt,
    ).not.toBeNull();
    expect(await lastAudit(membershipId)).toMatchObject({
      action: 'member.joined',
      actorId: membershipId,
      actorRole: 'admin',
      businessId: acme.business.id,
    });
    expect((await data.findInvite(token))?.status).toBe('used');
  });

  it('works once, even for two accepts at the same time', async () => {
    const address = email();
    const { token } = await invite(acme.owner, address);
    const user = await newUser(address);
    before = await counts();
    const results = await Promise.all([accept(token, user.id), accept(token, user.id)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    // The loser is refused by the conditional claim itself, not by a membership check.
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, code: 'INVITE_UNAVAILABLE' }]);
    const after = await counts();
    expect(after.memberships).toBe(before.memberships + 1);
    expect(after.audits).toBe(before.audits + 1);
    expect(await accept(token, user.id)).toMatchObject({ ok: false });
  });

  it('refuses an expired invite and writes nothing', async () => {
    const address = email();
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 60 * 60 * 1000);
    const { token } = await invite(acme.owner, address, 'support', eightDaysAgo);
    const user = await newUser(address);
    before = await counts();
    expect(await accept(token, user.id)).toEqual({ ok: false, code: 'INVITE_UNAVAILABLE' });
    await expectNothingWritten();
  });

  it('refuses a revoked invite and an invite for another address; writes nothing', async () => {
    const address = email();
    const revoked = await invite(acme.owner, address);
    await data.revokeInvite(acme.owner, revoked.inviteId);
    const user = await newUser(address);
    const other = await newUser(email());
    const fresh = await invite(acme.owner, address);
    before = await counts();
    expect(await accept(revoked.token, user.id)).toEqual({ ok: false, code: 'INVITE_UNAVAILABLE' });
    expect(await accept(fresh.token, other.id)).toEqual({
      ok: false,
      code: 'INVITE_WRONG_ACCOUNT',
    });
    await expectNothingWritten();
  });

  it('answers ALREADY_JOINED for a member, and leaves the invite usable', async () => {
    const address = email();
    const { token } = await invite(acme.owner, address);
    const user = await newUser(address);
    await db.membership.create({
      data: { id: newId('mem'), businessId: acme.business.id, userId: user.id, role: 'support' },
    });
    before = await counts();
    expect(await accept(token, user.id)).toEqual({ ok: false, code: 'ALREADY_JOINED' });
    await expectNothingWritten();
    expect((await data.findInvite(token))?.status).toBe('pending');
  });

  it('deletes an account only while it belongs to no business', async () => {
    const lonely = await newUser(email());
    await data.deleteAccountWithoutMemberships(lonely.id);
    expect(await db.user.findUnique({ where: { id: lonely.id } })).toBeNull();
    const member = await db.membership.findUniqueOrThrow({ where: { id: acme.owner.id } });
    await data.deleteAccountWithoutMemberships(member.userId);
    expect(await db.user.findUnique({ where: { id: member.userId } })).not.toBeNull();
  });
});
