'use server';

import { revalidatePath } from 'next/cache';
import { memberAction } from '@/lib/auth/member-action';
import { emailLicenseKey, retryLicenseKeyEmail } from './data-email';
import {
  emailLicenseKeyFailures,
  emailLicenseKeySchema,
  retryLicenseKeyEmailSchema,
} from './email-schema';

/** "Send email": queues the key's email to its customer; the page lists it as queued, then sent. */
export const emailLicenseKeyAction = memberAction({
  name: 'emailLicenseKey',
  permission: 'keys:reveal',
  schema: emailLicenseKeySchema,
  input: (id: string) => ({ id }),
  errorsOn: 'form',
  invalidMessage: 'License key not found.',
  failures: emailLicenseKeyFailures,
  logContext: ({ id }) => ({ licenseKeyId: id }),
  run: async (actor, { id }) => {
    const result = await emailLicenseKey(actor, id);
    if (!result.ok) return result;
    revalidatePath(`/license-keys/${id}`);
    return { ok: true as const, to: result.value.to };
  },
});

/** "Retry" on a failed email of the key: queued again with all its attempts. */
export const retryLicenseKeyEmailAction = memberAction({
  name: 'retryLicenseKeyEmail',
  permission: 'keys:reveal',
  schema: retryLicenseKeyEmailSchema,
  input: (id: string, messageId: string) => ({ id, messageId }),
  errorsOn: 'form',
  invalidMessage: 'That email is no longer waiting for a retry. Reload the page.',
  failures: emailLicenseKeyFailures,
  logContext: ({ id, messageId }) => ({ licenseKeyId: id, outboxMessageId: messageId }),
  run: async (actor, input) => {
    const result = await retryLicenseKeyEmail(actor, input);
    if (!result.ok) return result;
    revalidatePath(`/license-keys/${input.id}`);
    return { ok: true as const, to: result.value.to };
  },
});
