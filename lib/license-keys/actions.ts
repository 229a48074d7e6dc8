'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { memberOrRefusal } from '@/lib/auth/member';
import { genericErrorMessage, logUnexpectedError } from '@/lib/log';
import { createLicenseKey, setLicenseKeyDisabled } from './data';
import { createLicenseKeySchema, type CreateLicenseKeyFailure } from './schema';

/**
 * Issues or imports a license key. Validates with the form's own schema, acts for the business of
 * the session (never one from the input), and answers expected failures as field errors. On success
 * it redirects to the key's page, so it only ever returns failures.
 */
export async function createLicenseKeyAction(input: unknown): Promise<CreateLicenseKeyFailure> {
  const actor = await memberOrRefusal('keys:issue');
  if (typeof actor === 'string') return { ok: false, fieldErrors: {}, formError: actor };
  const parsed = createLicenseKeySchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors };
  }

  const { requestId, businessId } = actor;
  let result;
  try {
    result = await createLicenseKey(actor, parsed.data);
  } catch (error) {
    // In import mode the typed key is a secret: keep it (trimmed or as sent) out of the log.
    const rawKey = (input as { key?: unknown } | null)?.key;
    const secrets =
      parsed.data.mode === 'import'
        ? [parsed.data.key, typeof rawKey === 'string' ? rawKey : '']
        : [];
    logUnexpectedError(
      requestId,
      error,
      {
        action: 'createLicenseKey',
        businessId,
        mode: parsed.data.mode,
        customerId: parsed.data.customerId,
        productId: parsed.data.productId,
      },
      secrets,
    );
    return { ok: false, fieldErrors: {}, formError: genericErrorMessage(requestId) };
  }
  if (!result.ok) return result;

  revalidatePath('/license-keys');
  redirect(`/license-keys/${result.id}`);
}

/** Disables or enables a key of the member's business, then shows its page again. */
export async function setLicenseKeyDisabledAction(
  id: string,
  disabled: boolean,
): Promise<{ ok: false; formError: string } | undefined> {
  const actor = await memberOrRefusal('keys:disable');
  if (typeof actor === 'string') return { ok: false, formError: actor };
  const found = await setLicenseKeyDisabled(actor, String(id), Boolean(disabled));
  if (!found) return { ok: false, formError: 'License key not found.' };
  revalidatePath(`/license-keys/${id}`);
  revalidatePath('/license-keys');
}
