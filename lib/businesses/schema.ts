import { z } from 'zod';
import { accountEmailSchema, newPasswordSchema, personNameSchema } from '@/lib/auth/schema';
import { hasNoControlCharacters } from '@/lib/text';
import { isTimeZone } from './time-zones';

// Shared by the business settings forms, their server actions and the data layer. No server imports.

export const BUSINESS_NAME_MAX_LENGTH = 100;

/** A business's name: a new business, its renaming, the first-run setup. */
export const businessNameSchema = z
  .string({ error: 'Enter the business name.' })
  .trim()
  .min(1, { error: 'Enter the business name.' })
  .max(BUSINESS_NAME_MAX_LENGTH, {
    error: `A business name has at most ${BUSINESS_NAME_MAX_LENGTH} characters.`,
  })
  .refine(hasNoControlCharacters, {
    error: 'A business name cannot contain control characters such as tabs or line breaks.',
  });

export const renameBusinessSchema = z.object({ name: businessNameSchema });
export type RenameBusinessInput = z.infer<typeof renameBusinessSchema>;

/** The zone the overview's days and months follow: a name from the settings page's list. */
export const timeZoneSchema = z
  .string({ error: 'Choose a time zone from the list.' })
  .refine(isTimeZone, { error: 'Choose a time zone from the list.' });

export const setBusinessTimeZoneSchema = z.object({ timeZone: timeZoneSchema });
export type SetBusinessTimeZoneInput = z.infer<typeof setBusinessTimeZoneSchema>;

export const transferOwnershipSchema = z.object({
  membershipId: z
    .string({ error: 'Choose the new owner.' })
    .trim()
    .min(1, { error: 'Choose the new owner.' }),
});
export type TransferOwnershipInput = z.infer<typeof transferOwnershipSchema>;

/** The business data layer's failure codes, as the business settings forms tell them. */
export const businessFailures = {
  BUSINESS_NOT_FOUND: { message: 'The business was not found.' },
  NEW_OWNER_NOT_FOUND: {
    field: 'membershipId',
    message: 'That member was not found. They may have been removed; choose another member.',
  },
  CANNOT_TRANSFER_TO_SELF: {
    field: 'membershipId',
    message: 'Choose another member than yourself.',
  },
  /** The actor is no longer an owner (demoted since their request began). */
  NOT_AN_OWNER: { message: 'Only a current owner can transfer ownership.' },
} as const satisfies Record<string, { field?: 'name' | 'membershipId'; message: string }>;

/** Another business, made by a signed-in person, who becomes its owner. */
export const createBusinessSchema = z.object({ name: businessNameSchema });
export type CreateBusinessInput = z.infer<typeof createBusinessSchema>;

/** A setup token as `npm start` prints it: 32 random bytes, base64url. */
export const setupTokenSchema = z
  .string({ error: 'This setup link is not valid.' })
  .regex(/^[A-Za-z0-9_-]{43}$/, { error: 'This setup link is not valid.' });

/** The first-run setup (/setup, `keydesk setup`): the first business and its owner. */
export const setupSchema = z.object({
  businessName: businessNameSchema,
  name: personNameSchema,
  email: accountEmailSchema,
  password: newPasswordSchema,
});
export type SetupInput = z.infer<typeof setupSchema>;
export type SetupField = keyof SetupInput;

/** Why a setup was refused, as the setup form and the command line tell it. */
export const setupFailures = {
  /** The token is unknown or used, or an owner exists already. */
  SETUP_UNAVAILABLE: {
    message:
      'This setup link is no longer valid: Keydesk has been set up already. Sign in instead, or ask an owner for an invite.',
  },
  EMAIL_TAKEN: {
    field: 'email',
    message: 'An account with this email address exists already. Use another address.',
  },
} as const satisfies Record<string, { field?: SetupField; message: string }>;
