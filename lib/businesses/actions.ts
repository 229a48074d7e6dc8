'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { memberOrRefusal } from '@/lib/auth/member';
import { genericErrorMessage, logUnexpectedError } from '@/lib/log';
import { renameBusiness, transferOwnership } from './data';
import {
  renameBusinessSchema,
  transferOwnershipSchema,
  type RenameBusinessResult,
  type TransferOwnershipResult,
} from './schema';

/** Renames the member's business; the new name shows everywhere at once. */
export async function renameBusinessAction(input: unknown): Promise<RenameBusinessResult> {
  const actor = await memberOrRefusal('business:manage');
  if (typeof actor === 'string') return { ok: false, fieldErrors: {}, formError: actor };
  const parsed = renameBusinessSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors };
  let result: RenameBusinessResult;
  try {
    result = await renameBusiness(actor, parsed.data);
  } catch (error) {
    logUnexpectedError(actor.requestId, error, { action: 'renameBusiness' });
    return { ok: false, fieldErrors: {}, formError: genericErrorMessage(actor.requestId) };
  }
  if (result.ok) revalidatePath('/', 'layout');
  return result;
}

/**
 * Hands the business to another member. The former owner is an admin afterwards and may no longer
 * open the business settings, so success goes on to the members page, where the new roles show.
 */
export async function transferOwnershipAction(input: unknown): Promise<TransferOwnershipResult> {
  const actor = await memberOrRefusal('business:manage');
  if (typeof actor === 'string') return { ok: false, fieldErrors: {}, formError: actor };
  const parsed = transferOwnershipSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors };
  let result: TransferOwnershipResult;
  try {
    result = await transferOwnership(actor, parsed.data);
  } catch (error) {
    logUnexpectedError(actor.requestId, error, {
      action: 'transferOwnership',
      membershipId: parsed.data.membershipId,
    });
    return { ok: false, fieldErrors: {}, formError: genericErrorMessage(actor.requestId) };
  }
  if (!result.ok) return result;
  revalidatePath('/', 'layout');
  redirect('/settings/members');
}
