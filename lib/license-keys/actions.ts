'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { memberAction } from '@/lib/auth/member-action';
import { createLicenseKey, updateLicenseKey } from './data';
import {
  createLicenseKeyFailures,
  createLicenseKeySchema,
  setLicenseKeyDisabledSchema,
  updateLicenseKeyFailures,
} from './schema';

/**
 * Issues or imports a license key for the member's business. On success it opens the key's page,
 * so it only ever answers failures.
 */
export const createLicenseKeyAction = memberAction({
  name: 'createLicenseKey',
  permission: 'keys:issue',
  schema: createLicenseKeySchema,
  failures: createLicenseKeyFailures,
  // In import mode the typed key is a secret: keep it out of the log.
  secrets: (input) => (input.mode === 'import' ? [input.key] : []),
  logContext: ({ mode, customerId, productId }) => ({ mode, customerId, productId }),
  run: async (actor, input) => {
    const result = await createLicenseKey(actor, input);
    if (!result.ok) return result;
    revalidatePath('/license-keys');
    redirect(`/license-keys/${result.value.id}`);
  },
});

/** Disables or enables a key of the member's business, then shows its page again. */
export const setLicenseKeyDisabledAction = memberAction({
  name: 'setLicenseKeyDisabled',
  permission: 'keys:edit',
  schema: setLicenseKeyDisabledSchema,
  input: (id: string, disabled: boolean) => ({ id, disabled }),
  errorsOn: 'form',
  invalidMessage: 'License key not found.',
  failures: updateLicenseKeyFailures,
  logContext: ({ id }) => ({ licenseKeyId: id }),
  run: async (actor, { id, disabled }) => {
    const result = await updateLicenseKey(actor, id, { disabled });
    if (!result.ok) return result;
    revalidatePath(`/license-keys/${id}`);
    revalidatePath('/license-keys');
    return undefined;
  },
});
