import { z } from 'zod';
import { licenseKeyIdSchema } from './schema';

// "Email key to customer" on a key's page: the action's schemas, failure messages and the shapes
// the page shows. No server imports.

export const emailLicenseKeySchema = z.object({ id: licenseKeyIdSchema });

export const retryLicenseKeyEmailSchema = z.object({
  id: licenseKeyIdSchema,
  messageId: z.string().min(1).max(64),
});

export const emailLicenseKeyFailures = {
  LICENSE_KEY_NOT_FOUND: { message: 'License key not found.' },
  EMAIL_NOT_CONFIGURED: {
    message: 'Email is not configured on this Keydesk: copy the message and send it yourself.',
  },
  EMAIL_NOT_FOUND: { message: 'That email is no longer waiting for a retry. Reload the page.' },
} as const;

/** One email of a key as its page lists it. */
export type KeyEmailView = {
  id: string;
  to: string;
  state: 'queued' | 'sending' | 'sent' | 'failed';
  /** When it was queued. */
  createdAt: Date;
  sentAt: Date | null;
  /** The next try of a queued email that failed before. */
  retryAt: Date | null;
  /** Why the last attempt failed. */
  lastError: string | null;
};

/** The email "Email key to customer" would send, as its preview shows it. */
export type KeyEmailPreview = { to: string; subject: string; text: string };
