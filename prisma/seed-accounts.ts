// The demo staff accounts (lib/auth/demo-accounts.ts): a better-auth User with a password sign-in
// (its credential Account) and the person's memberships.
import { hashPassword } from 'better-auth/crypto';
import { DEMO_ACCOUNTS, type DemoAccount } from '@/lib/auth/demo-accounts';
import { PASSWORD_LENGTH } from '@/lib/auth/schema';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { newId } from '@/lib/ids';

export type AccountsSeedResult = {
  /** Emails of the accounts created now. */
  created: string[];
  /** Memberships added to demo accounts that already existed, in businesses seeded now. */
  addedMemberships: number;
};

/**
 * Creates each demo account that does not exist yet (by email), with its memberships. A demo
 * account that exists is left alone (its password too), except that it gets its memberships in the
 * businesses seeded in this run (`newBusinessIds`): a membership someone removed is not brought back.
 */
export async function seedDemoAccounts(
  db: PrismaClient,
  options: { password: string; now: Date; newBusinessIds: string[] },
  accounts: DemoAccount[] = Object.values(DEMO_ACCOUNTS),
): Promise<AccountsSeedResult> {
  const { password, now, newBusinessIds } = options;
  const existing = await db.user.findMany({
    where: { email: { in: accounts.map((account) => account.email) } },
    select: { id: true, email: true, memberships: { select: { businessId: true } } },
  });
  const existingByEmail = new Map(existing.map((user) => [user.email, user]));
  const toCreate = accounts.filter((account) => !existingByEmail.has(account.email));
  if (toCreate.length) assertUsablePassword(password);
  // scrypt: ~70 ms each, run side by side; every account gets its own salt.
  const hashes = await Promise.all(toCreate.map(() => hashPassword(password)));

  const writes: Prisma.PrismaPromise<unknown>[] = [];
  toCreate.forEach((account, index) =>
    writes.push(...newAccountWrites(db, account, hashes[index], now)),
  );
  let addedMemberships = 0;
  for (const account of accounts) {
    const user = existingByEmail.get(account.email);
    if (!user) continue;
    const missing = account.memberships.filter(
      (m) =>
        newBusinessIds.includes(m.businessId) &&
        !user.memberships.some((held) => held.businessId === m.businessId),
    );
    addedMemberships += missing.length;
    writes.push(...missing.map((m) => membershipWrite(db, user.id, m, now)));
  }
  if (writes.length === 0) return { created: [], addedMemberships: 0 };

  try {
    await db.$transaction(writes);
  } catch (error) {
    // Another process (a second `npm start`) created the same accounts between our read and write.
    const emails = toCreate.map((account) => account.email);
    const raced = await db.user.count({ where: { email: { in: emails } } });
    if (toCreate.length && raced === toCreate.length) return { created: [], addedMemberships: 0 };
    throw error;
  }
  return { created: toCreate.map((account) => account.email), addedMemberships };
}

function assertUsablePassword(password: string) {
  if (password.length < PASSWORD_LENGTH.min || password.length > PASSWORD_LENGTH.max) {
    throw new Error(
      `KEYDESK_DEMO_PASSWORD must be ${PASSWORD_LENGTH.min} to ${PASSWORD_LENGTH.max} characters long ` +
        `(it is ${password.length}).`,
    );
  }
}

function newAccountWrites(db: PrismaClient, account: DemoAccount, hash: string, now: Date) {
  const userId = newId('usr');
  return [
    db.user.create({ data: { id: userId, name: account.name, email: account.email } }),
    // better-auth's shape for a password sign-in: providerId "credential", accountId = user id.
    db.account.create({
      data: {
        id: newId('acc'),
        accountId: userId,
        providerId: 'credential',
        userId,
        password: hash,
      },
    }),
    ...account.memberships.map((membership, index, all) => {
      // A second apart, oldest first: the first membership is the business a fresh sign-in opens.
      const createdAt = new Date(now.getTime() - (all.length - 1 - index) * 1000);
      return membershipWrite(db, userId, membership, createdAt);
    }),
  ];
}

function membershipWrite(
  db: PrismaClient,
  userId: string,
  membership: DemoAccount['memberships'][number],
  createdAt: Date,
) {
  return db.membership.create({
    data: { id: newId('mem'), userId, createdAt, ...membership },
  });
}
