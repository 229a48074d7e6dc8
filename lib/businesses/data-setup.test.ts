import { verifyPassword } from 'better-auth/crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@/lib/testing/test-database';
import { hashSetupToken, issueSetupToken } from './data-setup-token';
import type { SetupInput } from './schema';

// The first run of a real installation on a real, migrated database (SQLite, or PostgreSQL when
// DATABASE_URL names one): setup tokens, the first owner, and the businesses people make later.
const testDb = await createTestDatabase();
const { createBusiness, hasOwner, setUpInstallation, setupTokenIsValid } =
  await import('./data-setup');
const { db } = testDb;
afterAll(() => testDb.cleanup());

const input = (overrides: Partial<SetupInput> = {}): SetupInput => ({
  businessName: 'Northwind Apps',
  name: 'Robin Park',
  email: 'robin@northwind.example',
  password: 'a-long-password-1',
  ...overrides,
});

describe('the first run', () => {
  it('issues tokens kept only as hashes; a used token makes the first owner, once', async () => {
    expect(await hasOwner()).toBe(false);
    const first = (await issueSetupToken(db))!;
    const second = (await issueSetupToken(db))!;
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(second).not.toBe(first);
    const stored = await db.setupToken.findMany();
    expect(stored.map((row) => row.tokenHash).sort()).toEqual(
      [hashSetupToken(first), hashSetupToken(second)].sort(),
    );
    expect(JSON.stringify(stored)).not.toContain(first);
    // Every token printed works until the first owner exists; an unknown one never does.
    expect(await setupTokenIsValid(first)).toBe(true);
    expect(await setupTokenIsValid(second)).toBe(true);
    expect(await setupTokenIsValid('x'.repeat(43))).toBe(false);

    const done = await setUpInstallation(input(), { token: first, requestId: 'req_setup' });
    expect(done.ok).toBe(true);
    if (!done.ok) return;
    const owner = await db.membership.findFirstOrThrow({
      where: { businessId: done.value.businessId },
      include: { user: { include: { accounts: true } }, business: true },
    });
    expect(owner).toMatchObject({
      role: 'owner',
      userId: done.value.userId,
      business: { name: 'Northwind Apps' },
      user: { name: 'Robin Park', email: 'robin@northwind.example' },
    });
    const [account] = owner.user.accounts;
    expect(account.providerId).toBe('credential');
    expect(await verifyPassword({ hash: account.password!, password: 'a-long-password-1' })).toBe(
      true,
    );
    const events = await db.auditEvent.findMany({ where: { businessId: done.value.businessId } });
    expect(events).toMatchObject([
      { action: 'business.created', actorName: 'Robin Park', actorRole: 'owner' },
    ]);

    // Setup is over: every token is gone, none is issued any more, and a replay changes nothing.
    expect(await db.setupToken.count()).toBe(0);
    expect(await hasOwner()).toBe(true);
    expect(await setupTokenIsValid(second)).toBe(false);
    expect(await issueSetupToken(db)).toBeNull();
    for (const token of [first, second]) {
      const again = await setUpInstallation(input({ email: 'other@northwind.example' }), {
        token,
        requestId: 'req_replay',
      });
      expect(again).toEqual({ ok: false, code: 'SETUP_UNAVAILABLE' });
    }
    // The operator's way (no token) is refused too once an owner exists.
    expect(
      await setUpInstallation(input({ email: 'cli@northwind.example' }), {
        token: null,
        requestId: 'req_cli',
      }),
    ).toEqual({ ok: false, code: 'SETUP_UNAVAILABLE' });
    expect(await db.business.count()).toBe(1);
    expect(await db.user.count()).toBe(1);
  });

  it('lets a signed-in person make another business, which they own', async () => {
    const user = await db.user.findFirstOrThrow({ where: { email: 'robin@northwind.example' } });
    const { businessId } = await createBusiness(
      user,
      { name: 'Northwind Games' },
      'req_new_business',
    );
    const memberships = await db.membership.findMany({
      where: { userId: user.id },
      include: { business: true },
      orderBy: { createdAt: 'asc' },
    });
    expect(memberships.map((m) => [m.business.name, m.role])).toEqual([
      ['Northwind Apps', 'owner'],
      ['Northwind Games', 'owner'],
    ]);
    expect(await db.auditEvent.findMany({ where: { businessId } })).toMatchObject([
      { action: 'business.created', summary: expect.stringContaining('Northwind Games') },
    ]);
  });
});

describe('the first run, again from empty', () => {
  it('makes exactly one owner of two setups with different tokens at the same time', async () => {
    // Back to an installation without owner; two server processes each printed a link, and two
    // people use them at once.
    await db.membership.deleteMany();
    await db.auditEvent.deleteMany();
    await db.business.deleteMany();
    await db.user.deleteMany();
    const tokens = [(await issueSetupToken(db))!, (await issueSetupToken(db))!];
    const results = await Promise.all(
      tokens.map((token, i) =>
        setUpInstallation(input({ email: `racer${i}@northwind.example`, name: `Racer ${i}` }), {
          token,
          requestId: `req_race_${i}`,
        }).catch((error: unknown) => ({ ok: false as const, code: String(error) })),
      ),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(await db.membership.count({ where: { role: 'owner' } })).toBe(1);
    expect(await db.business.count()).toBe(1);
    expect(await db.setupToken.count()).toBe(0);
  });

  it('refuses an address an account has already', async () => {
    await db.membership.deleteMany();
    await db.business.deleteMany();
    const taken = await db.user.findFirstOrThrow();
    const token = (await issueSetupToken(db))!;
    const result = await setUpInstallation(input({ email: taken.email }), {
      token,
      requestId: 'req_taken',
    });
    expect(result).toEqual({ ok: false, code: 'EMAIL_TAKEN' });
    // Nothing changed: the token still works, no business was made.
    expect(await setupTokenIsValid(token)).toBe(true);
    expect(await db.business.count()).toBe(0);
  });
});
