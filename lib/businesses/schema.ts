import { z } from 'zod';
import { hasNoControlCharacters } from '@/lib/text';

// Shared by the business settings forms, their server actions and the data layer. No server imports.

export const BUSINESS_NAME_MAX_LENGTH = 100;

export const renameBusinessSchema = z.object({
  name: z
    .string({ error: 'Enter the business name.' })
    .trim()
    .min(1, { error: 'Enter the business name.' })
    .max(BUSINESS_NAME_MAX_LENGTH, {
      error: `A business name has at most ${BUSINESS_NAME_MAX_LENGTH} characters.`,
    })
    .refine(hasNoControlCharacters, {
      error: 'A business name cannot contain control characters such as tabs or line breaks.',
    }),
});
export type RenameBusinessInput = z.infer<typeof renameBusinessSchema>;

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
