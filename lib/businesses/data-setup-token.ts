// The setup token's storage, apart from data-setup.ts so that `npm start` (scripts/prepare-db.ts,
// which runs outside Next and holds its own Prisma client) can issue one: these take the client.
import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '@/lib/database/create-client';

export function hashSetupToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Whether any business has an owner: from then on there is no setup, only sign-in and invites. */
export async function hasOwner(client: Database): Promise<boolean> {
  const owner = await client.membership.findFirst({
    where: { role: 'owner' },
    select: { id: true },
  });
  return owner !== null;
}

/**
 * A new setup token while no business has an owner, else null. It is shown once (printed by
 * `npm start`); only its hash is kept. Each start makes one, and every one stays valid until the
 * first owner exists: with two server processes, each prints a link that works.
 */
export async function issueSetupToken(client: Database): Promise<string | null> {
  if (await hasOwner(client)) return null;
  const token = randomBytes(32).toString('base64url');
  await client.setupToken.create({ data: { tokenHash: hashSetupToken(token) } });
  return token;
}
