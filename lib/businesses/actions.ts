'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { memberAction } from '@/lib/auth/member-action';
import { renameBusiness, transferOwnership } from './data';
import { businessFailures, renameBusinessSchema, transferOwnershipSchema } from './schema';

/** Renames the member's business; the new name shows everywhere at once. */
export const renameBusinessAction = memberAction({
  name: 'renameBusiness',
  permission: 'business:manage',
  schema: renameBusinessSchema,
  failures: businessFailures,
  run: async (actor, input) => {
    const result = await renameBusiness(actor, input);
    if (!result.ok) return result;
    revalidatePath('/', 'layout');
    const message = result.value.changed ? 'Name saved.' : 'The name is unchanged.';
    return { ok: true as const, message };
  },
});

/**
 * Hands the business to another member. The former owner is an admin afterwards and may no longer
 * open the business settings, so success goes on to the members page, where the new roles show.
 */
export const transferOwnershipAction = memberAction({
  name: 'transferOwnership',
  permission: 'business:manage',
  schema: transferOwnershipSchema,
  failures: businessFailures,
  logContext: ({ membershipId }) => ({ membershipId }),
  run: async (actor, input) => {
    const result = await transferOwnership(actor, input);
    if (!result.ok) return result;
    revalidatePath('/', 'layout');
    redirect('/settings/members');
  },
});
