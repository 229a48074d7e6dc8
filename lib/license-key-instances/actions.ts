'use server';

import { revalidatePath } from 'next/cache';
import { memberOrRefusal } from '@/lib/auth/member';
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
  const actor = await memberOrRefusal('keys:disable');
  if (typeof actor === 'string') return { ok: false, formError: actor };
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
