import { z } from 'zod';
import { hasNoControlCharacters } from '@/lib/text';

// Shared by the customer form (client-side validation) and the server action. No server imports here.

/** A customer as pickers and lists show it. */
export type CustomerOption = { id: string; name: string; email: string };

export const CUSTOMER_NAME_MAX_LENGTH = 200;
export const EMAIL_MAX_LENGTH = 254; // the longest address SMTP can carry

export const createCustomerSchema = z.object({
  name: z
    .string({ error: 'Enter the customer’s name.' })
    .trim()
    .min(1, { error: 'Enter the customer’s name.' })
    .max(CUSTOMER_NAME_MAX_LENGTH, {
      error: `A name has at most ${CUSTOMER_NAME_MAX_LENGTH} characters.`,
    })
    .refine(hasNoControlCharacters, {
      error: 'A name cannot contain control characters such as tabs or line breaks.',
    }),
  // Trimmed before it is checked (z.email().trim() would check the untrimmed text first).
  email: z
    .string({ error: 'Enter the customer’s email address.' })
    .trim()
    .min(1, { error: 'Enter the customer’s email address.' })
    .max(EMAIL_MAX_LENGTH, {
      error: `An email address has at most ${EMAIL_MAX_LENGTH} characters.`,
    })
    .pipe(z.email({ error: 'Enter an email address like name@example.com.' })),
});

export type CreateCustomerInput = z.infer<typeof createCustomerSchema>;

/** Editing a customer: the same two fields, both required, as creating one. */
export const updateCustomerSchema = createCustomerSchema;
export type UpdateCustomerInput = z.infer<typeof updateCustomerSchema>;

export const CUSTOMER_EMAIL_TAKEN_MESSAGE =
  'This email address is already used by another customer of this business.';

/** The data layer's failure codes, as the customer forms tell them. */
export const customerFailures = {
  CUSTOMER_EMAIL_TAKEN: { field: 'email', message: CUSTOMER_EMAIL_TAKEN_MESSAGE },
  CUSTOMER_NOT_FOUND: {
    message: 'This customer is no longer there, or belongs to another business. Nothing was saved.',
  },
} as const;

const LOCAL_ORIGIN = 'http://keydesk.invalid';

/** A `returnTo` that stays on this site, as a path (with its query), or null. */
export { safeLocalPath as safeReturnTo } from '@/lib/http/safe-path';

/** Where to go after creating a customer: back to `returnTo` with the new customer's id, or the list. */
export function afterCreateCustomerPath(customerId: string, returnTo: string | null): string {
  if (!returnTo) return `/customers?created=${encodeURIComponent(customerId)}`;
  const url = new URL(returnTo, LOCAL_ORIGIN);
  url.searchParams.set('customerId', customerId);
  return url.pathname + url.search;
}
