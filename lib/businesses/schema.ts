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
export type RenameBusinessResult =
  | { ok: true; message: string }
  | { ok: false; fieldErrors: Partial<Record<'name', string[]>>; formError?: string };

export const transferOwnershipSchema = z.object({
  membershipId: z
    .string({ error: 'Choose the new owner.' })
    .trim()
    .min(1, { error: 'Choose the new owner.' }),
});
export type TransferOwnershipInput = z.infer<typeof transferOwnershipSchema>;
export type TransferOwnershipResult =
  | { ok: true; message: string }
  | { ok: false; fieldErrors: Partial<Record<'membershipId', string[]>>; formError?: string };

export const NEW_OWNER_NOT_FOUND_MESSAGE =
  'That member was not found. They may have been removed; choose another member.';
export const NOT_AN_OWNER_MESSAGE = 'Only a current owner can transfer ownership.';
