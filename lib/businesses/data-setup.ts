import 'server-only';
import { hashPassword } from 'better-auth/crypto';
import { recordAudit } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/authorize';
import { forgetCachedSessions } from '@/lib/auth/session-cache';
import { ROLE_LABELS } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { newId } from '@/lib/ids';
import { uniqueViolationFields } from '@/lib/prisma-errors';
import { fail, ok, type Result } from '@/lib/result';
import { hasOwner as ownerExists, hashSetupToken } from './data-setup-token';
import type { CreateBusinessInput, SetupInput } from './schema';

// A real installation starts empty: no business, no account, no sign-up. The first owner comes in
// through a one-time setup link that `npm start` prints (or the command line's `keydesk setup`);
// later businesses are made by people who are signed in already.

/** Whether any business has an owner: from then on /setup is gone. */
export const hasOwner = () => ownerExists(db);

/** Whether /setup may be shown for this token: it was issued, and no owner exists yet. */
export async function setupTokenIsValid(token: string): Promise<boolean> {
  const [known, owned] = await Promise.all([
    db.setupToken.findUnique({
      where: { tokenHash: hashSetupToken(token) },
      select: { createdAt: true },
    }),
    hasOwner(),
  ]);
  return known !== null && !owned;
}

export type SetupResult = Result<
  { businessId: string; userId: string },
  'SETUP_UNAVAILABLE' | 'EMAIL_TAKEN'
>;

/**
 * The first business and its owner, with a password sign-in, in one transaction: from /setup with a
 * setup token, or from the command line as the operator (`token` null). The token is claimed by
 * deleting it (of two requests with the same token, one deletes a row); then every other token goes
 * too, which on PostgreSQL also makes two setups with different tokens wait for each other, so the
 * owner check that follows sees the other's owner. An installation that has an owner refuses.
 */
export async function setUpInstallation(
  input: SetupInput,
  options: { token: string | null; requestId: string },
): Promise<SetupResult> {
  const password = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx): Promise<SetupResult> => {
      // Checked first: a refused address leaves the token usable.
      const taken = await tx.user.findUnique({
        where: { email: input.email },
        select: { id: true },
      });
      if (taken) return fail('EMAIL_TAKEN');
      if (options.token !== null) {
        const claimed = await tx.setupToken.deleteMany({
          where: { tokenHash: hashSetupToken(options.token) },
        });
        if (claimed.count !== 1) return fail('SETUP_UNAVAILABLE');
      }
      await tx.setupToken.deleteMany({});
      const owner = await tx.membership.findFirst({
        where: { role: 'owner' },
        select: { id: true },
      });
      if (owner) return fail('SETUP_UNAVAILABLE');

      const userId = newId('usr');
      await tx.user.create({ data: { id: userId, name: input.name, email: input.email } });
      await tx.account.create({
        data: {
          id: newId('acc'),
          accountId: userId,
          providerId: 'credential',
          userId,
          password,
        },
      });
      const { businessId } = await createOwnedBusiness(
        tx,
        { id: userId, name: input.name, email: input.email },
        input.businessName,
        options.requestId,
      );
      return ok({ businessId, userId });
    });
  } catch (error) {
    // The same address may be taken by a concurrent invite sign-up first (P2002 on PostgreSQL).
    if (uniqueViolationFields(error)?.includes('email')) return fail('EMAIL_TAKEN');
    throw error;
  }
}

/** Another business, made by a signed-in person, who becomes its owner. */
export async function createBusiness(
  user: { id: string; name: string; email: string },
  input: CreateBusinessInput,
  requestId: string,
): Promise<{ businessId: string }> {
  const created = await db.$transaction((tx) =>
    createOwnedBusiness(tx, user, input.name, requestId),
  );
  // The new business is one of theirs from the next request on (session-cache.ts).
  forgetCachedSessions.of(user.id);
  return created;
}

async function createOwnedBusiness(
  tx: Prisma.TransactionClient,
  user: { id: string; name: string; email: string },
  name: string,
  requestId: string,
) {
  const businessId = newId('bus');
  const membershipId = newId('mem');
  await tx.business.create({ data: { id: businessId, name } });
  await tx.membership.create({
    data: { id: membershipId, businessId, userId: user.id, role: 'owner' },
  });
  const actor: Actor = {
    businessId,
    type: 'member',
    id: membershipId,
    name: user.name,
    role: 'owner',
    requestId,
  };
  await recordAudit(tx, actor, {
    action: 'business.created',
    objectType: 'business',
    objectId: businessId,
    summary: `Created the business "${name}"; ${user.name} (${user.email}) is its ${ROLE_LABELS.owner.toLowerCase()}`,
  });
  return { businessId, membershipId };
}
