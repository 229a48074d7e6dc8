'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { memberAction } from '@/lib/auth/member-action';
import { createLicenseKey, updateLicenseKey } from './data';
import { renewLicenseKey } from './data-renew';
import {
  createLicenseKeyFailures,
  createLicenseKeySchema,
  editLicenseKeySchema,
  licenseKeyIdSchema,
  renewLicenseKeyFailures,
  setLicenseKeyDisabledSchema,
  updateLicenseKeyFailures,
} from './schema';

/** After a key changes: its page and the key list show it. */
function revalidateKey(id: string) {
  revalidatePath(`/license-keys/${id}`);
  revalidatePath('/license-keys');
}

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
    // The key's page says the key was created and puts the focus on its heading.
    redirect(`/license-keys/${result.value.id}?created=1`);
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
    revalidateKey(id);
    return undefined;
  },
});

const updateLicenseKeyActionSchema = editLicenseKeySchema.extend({ id: licenseKeyIdSchema });

/**
 * Saves a key's activations limit and expiry ("Edit key" on its page). A limit below the
 * activations in use is refused on the limit's field; the page shows the new terms and history.
 */
export const updateLicenseKeyAction = memberAction({
  name: 'updateLicenseKey',
  permission: 'keys:edit',
  schema: updateLicenseKeyActionSchema,
  input: (id: unknown, values: unknown) => ({
    ...(typeof values === 'object' && values !== null ? values : {}),
    id,
  }),
  failures: updateLicenseKeyFailures,
  logContext: ({ id }) => ({ licenseKeyId: id }),
  run: async (actor, { id, ...terms }) => {
    const result = await updateLicenseKey(actor, id, terms);
    if (!result.ok) return result;
    revalidateKey(id);
    return { ok: true as const };
  },
});

/**
 * Renews a key by its product's key lifetime ("Renew for 1 year"): the server computes the new
 * expiry. Answers it, for the page to say.
 */
export const renewLicenseKeyAction = memberAction({
  name: 'renewLicenseKey',
  permission: 'keys:edit',
  schema: z.object({ id: licenseKeyIdSchema }),
  input: (id: string) => ({ id }),
  errorsOn: 'form',
  invalidMessage: 'License key not found.',
  failures: renewLicenseKeyFailures,
  logContext: ({ id }) => ({ licenseKeyId: id }),
  run: async (actor, { id }) => {
    const result = await renewLicenseKey(actor, id);
    if (!result.ok) return result;
    revalidateKey(id);
    return { ok: true as const, expiresAt: result.value.expiresAt?.toISOString() ?? null };
  },
});
