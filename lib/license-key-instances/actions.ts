'use server';

import { revalidatePath } from 'next/cache';
import { NotAllowedError, notAllowedMessage } from '@/lib/auth/authorize';
import { memberFor } from '@/lib/auth/member';
import { genericErrorMessage, logUnexpectedError } from '@/lib/log';
import { deactivateInstanceAsMember } from './data';

/** `notFound`: the instance is not (or no longer) one of this key's; the list should refresh. */
export type DeactivateInstanceResult =
  { ok: true } | { ok: false; formError: string; notFound?: true };

const INSTANCE_NOT_FOUND_MESSAGE =
  'That instance was no longer active on this key: it had been deactivated already.';

/** Deactivates one instance of a key of the member's business, then shows the key's page again. */
export async function deactivateInstanceAction(
  licenseKeyId: string,
  instanceId: string,
): Promise<DeactivateInstanceResult> {
  let actor;
  try {
    actor = await memberFor('keys:disable');
  } catch (error) {
    if (error instanceof NotAllowedError) return { ok: false, formError: notAllowedMessage(error) };
    throw error;
  }
  if (typeof licenseKeyId !== 'string' || typeof instanceId !== 'string') {
    return { ok: false, formError: INSTANCE_NOT_FOUND_MESSAGE, notFound: true };
  }
  let removed;
  try {
    removed = await deactivateInstanceAsMember(actor, licenseKeyId, instanceId);
  } catch (error) {
    logUnexpectedError(actor.requestId, error, {
      action: 'deactivateInstance',
      businessId: actor.businessId,
      licenseKeyId,
      instanceId,
    });
    return { ok: false, formError: genericErrorMessage(actor.requestId) };
  }
  if (!removed) return { ok: false, formError: INSTANCE_NOT_FOUND_MESSAGE, notFound: true };
  revalidatePath(`/license-keys/${licenseKeyId}`);
  revalidatePath('/license-keys');
  return { ok: true };
}
