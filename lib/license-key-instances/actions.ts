'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { memberAction } from '@/lib/auth/member-action';
import { deactivateInstance } from './data';

const INSTANCE_NOT_FOUND_MESSAGE =
  'That instance was no longer active on this key: it had been deactivated already.';

const deactivateInstanceSchema = z.object({
  licenseKeyId: z.string().min(1).max(64),
  instanceId: z.string().min(1).max(64),
});

const gone = { ok: false, notFound: true, formError: INSTANCE_NOT_FOUND_MESSAGE } as const;

/** Deactivates one instance of a key of the member's business, then shows the key's page again. */
export const deactivateInstanceAction = memberAction({
  name: 'deactivateInstance',
  permission: 'keys:edit',
  schema: deactivateInstanceSchema,
  input: (licenseKeyId: string, instanceId: string) => ({ licenseKeyId, instanceId }),
  errorsOn: 'form',
  invalidMessage: INSTANCE_NOT_FOUND_MESSAGE,
  logContext: (input) => input,
  run: async (actor, { licenseKeyId, instanceId }) => {
    const result = await deactivateInstance(actor, licenseKeyId, instanceId);
    // Not (or no longer) one of this key's instances: the list should refresh.
    if (!result.ok) return { ...gone, fieldErrors: {} };
    revalidatePath(`/license-keys/${licenseKeyId}`);
    revalidatePath('/license-keys');
    return { ok: true as const };
  },
});
