import { hashPassword } from 'better-auth/crypto';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newId } from '@/lib/ids';
import { newRequestId } from '@/lib/log';
import { createBusinessFixture, createTestDatabase } from '@/lib/testing/test-database';

// The signed-in member as the dashboard sees them (lib/auth/member.ts), on a real database with
// real better-auth sessions, and the session cache's revocation bound (KEYDESK_SESSION_CACHE_SECONDS,
// 15 s here): a change this process makes takes effect on the next request; a change another
// process makes (written here straight to the database) within the bound and not before it. The
// clock is moved with fake Dates, not waited for.

const jar = vi.hoisted(() => new Map<string, string>());
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    set: (name: string, value: string) => jar.set(name, value),
    delete: (name: string) => jar.delete(name),
  }),
  headers: async () =>
    new Headers({
      cookie: [...jar].map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('; '),
    }),
}));

process.env.KEYDESK_SESSION_CACHE_SECONDS = '15';
const BOUND = 15_000;
const testDb = await createTestDatabase();
const { db } = testDb; // "another process": writes that this process's cache does not hear of
const { auth } = await import('./auth');
const { endThisSession, getCurrentMember, getSession } = await import('./member');
const { setPasswordAsOperator } = await import('./data-passwords');
const { changeMemberRole, removeMember } = await import('@/lib/members/data');
const { createBusiness } = await import('@/lib/businesses/data-setup');
const { renameBusiness } = await import('@/lib/businesses/data');
afterAll(() => testDb.cleanup());

const acme = await createBusinessFixture(db, 'Acme');

beforeEach(() => {
  jar.clear();
  vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
});
afterEach(() => vi.useRealTimers());
const advance = (ms: number) => vi.setSystemTime(Date.now() + ms);

let n = 0;
/** A support member of Acme with a password, signed in: the jar holds their session cookie. */
async function signedInSupport() {
  const email = `sam.${++n}@acme.example`;
  const user = await db.user.create({ data: { id: newId('usr'), name: `Sam ${n}`, email } });
  await db.account.create({
    data: {
      id: newId('acc'),
      userId: user.id,
      accountId: user.id,
      providerId: 'credential',
      password: await hashPassword('a-long-password-1'),
    },
  });
  const membership = await db.membership.create({
    data: { id: newId('mem'), businessId: acme.business.id, userId: user.id, role: 'support' },
  });
  const { headers } = await auth.api.signInEmail({
    body: { email, password: 'a-long-password-1' },
    returnHeaders: true,
  });
  for (const line of headers.getSetCookie()) {
    const [pair] = line.split(';');
    const at = pair.indexOf('=');
    jar.set(pair.slice(0, at), decodeURIComponent(pair.slice(at + 1)));
  }
  expect([...jar.keys()].some((name) => name.endsWith('session_token'))).toBe(true);
  return { user, membership, email };
}

const role = async () => (await getCurrentMember())?.role ?? null;

describe('changes made in this process take effect on the next request', () => {
  it('a removed member is refused at once', async () => {
    const { membership } = await signedInSupport();
    expect(await role()).toBe('support');
    const removed = await removeMember(acme.owner, membership.id);
    expect(removed.ok).toBe(true);
    expect(await getCurrentMember()).toBeNull();
  });

  it('a changed role applies at once', async () => {
    const { membership } = await signedInSupport();
    expect(await role()).toBe('support');
    await changeMemberRole(acme.owner, { membershipId: membership.id, role: 'admin' });
    expect(await role()).toBe('admin');
  });

  it('signing out ends the session at once, even for a copy of the cookie', async () => {
    await signedInSupport();
    const copy = new Map(jar);
    expect(await role()).toBe('support');
    await endThisSession();
    for (const [name, value] of copy) jar.set(name, value); // replayed by whoever kept it
    expect(await getSession()).toBeNull();
    expect(await getCurrentMember()).toBeNull();
  });

  it('a new password set by the operator ends every session at once', async () => {
    const { email } = await signedInSupport();
    expect(await role()).toBe('support');
    const set = await setPasswordAsOperator(email, 'another-password-2', newRequestId());
    expect(set.ok && set.value.sessionsEnded).toBe(1);
    expect(await getCurrentMember()).toBeNull();
  });

  it('a business made or renamed shows at once', async () => {
    const { user } = await signedInSupport();
    expect((await getCurrentMember())?.memberships).toHaveLength(1);
    await createBusiness(user, { name: `Sam's Shop ${n}` }, newRequestId());
    const member = await getCurrentMember();
    expect(member?.memberships.map((m) => m.businessName).sort()).toEqual(
      [acme.business.name, `Sam's Shop ${n}`].sort(),
    );
    const name = `Acme Renamed ${n}`;
    await renameBusiness(acme.owner, { name });
    const acmeNow = (await getCurrentMember())?.memberships.find(
      (m) => m.businessId === acme.business.id,
    );
    expect(acmeNow?.businessName).toBe(name);
  });
});

describe('changes made by another process take effect within the bound', () => {
  it('a session deleted elsewhere (signed out on another server) ends within the bound', async () => {
    const { user } = await signedInSupport();
    expect(await role()).toBe('support');
    await db.session.deleteMany({ where: { userId: user.id } });
    advance(BOUND - 1);
    expect(await role()).toBe('support'); // still trusted: no database read yet
    advance(1);
    expect(await getCurrentMember()).toBeNull();
    expect(await getSession()).toBeNull();
  });

  it('a membership removed or changed elsewhere takes effect within the bound', async () => {
    const { membership } = await signedInSupport();
    expect(await role()).toBe('support');
    await db.membership.update({ where: { id: membership.id }, data: { role: 'admin' } });
    advance(BOUND - 1);
    expect(await role()).toBe('support');
    advance(1);
    expect(await role()).toBe('admin');
    await db.membership.delete({ where: { id: membership.id } });
    advance(BOUND);
    expect(await getCurrentMember()).toBeNull();
    expect((await getSession())?.user.id).toBe(membership.userId); // signed in, no business
  });
});

describe('what is not a session', () => {
  it('refuses a session at its own end, however recently it was checked', async () => {
    await signedInSupport();
    expect(await role()).toBe('support');
    const session = await db.session.findFirstOrThrow({
      where: { token: [...jar].find(([k]) => k.endsWith('session_token'))![1].split('.')[0] },
    });
    vi.setSystemTime(session.expiresAt.getTime() - 1);
    expect(await role()).toBe('support');
    vi.setSystemTime(session.expiresAt.getTime() + 1);
    expect(await getCurrentMember()).toBeNull();
  });

  it('refuses a forged or altered cookie', async () => {
    await signedInSupport();
    const [name, value] = [...jar].find(([key]) => key.endsWith('session_token'))!;
    expect(await role()).toBe('support');
    jar.set(name, `${value.split('.')[0]}.forged-signature`);
    expect(await getSession()).toBeNull();
    jar.set(name, `${newId('ses')}.${value.split('.')[1]}`);
    expect(await getSession()).toBeNull();
    jar.delete(name);
    expect(await getSession()).toBeNull();
  });
});
