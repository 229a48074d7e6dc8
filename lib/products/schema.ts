import { z } from 'zod';
import { hasNoControlCharacters } from '@/lib/text';
import { activationsLimitSchema } from '@/lib/license-keys/schema';
import {
  DURATION_INTERVALS,
  KEY_LIFETIME_MAX,
  KEY_PREFIX_MAX_LENGTH,
  PRODUCT_DESCRIPTION_MAX_LENGTH,
  PRODUCT_NAME_MAX_LENGTH,
} from './terms';

export * from './terms';

// ── Editing a product ──────────────────────────────────────────────────────────────────────────
// Shared by the edit form (client-side validation) and the server action. No server imports here.

const keyLifetimeSchema = z
  .object({
    count: z
      .number({ error: 'Enter a whole number for the key lifetime, or choose Keys never expire.' })
      .int({ error: 'Enter a whole number for the key lifetime.' })
      .min(1, { error: 'A key lifetime is at least 1.' })
      .max(KEY_LIFETIME_MAX, {
        error: `A key lifetime is at most ${KEY_LIFETIME_MAX.toLocaleString('en-US')}.`,
      }),
    interval: z.enum(DURATION_INTERVALS, { error: 'Choose days, weeks, months or years.' }),
  })
  .nullable();

/**
 * Empty means "no prefix"; lower-case letters are upper-cased. Together the checks are the rule of
 * KEY_PREFIX_PATTERN in lib/license-keys/key-generator.ts (imported by the tests, not here: that
 * module needs node:crypto and this one runs in the browser), each with its own message.
 */
const keyPrefixSchema = z
  .string({ error: 'Enter a key prefix, or leave it empty.' })
  .trim()
  .toUpperCase()
  .max(KEY_PREFIX_MAX_LENGTH, {
    error: `A key prefix has at most ${KEY_PREFIX_MAX_LENGTH} characters.`,
  })
  .refine((prefix) => prefix === '' || /^[A-Z]/.test(prefix), {
    error: 'A key prefix starts with a letter.',
    abort: true,
  })
  .refine((prefix) => /^[A-Z0-9]*$/.test(prefix), {
    error: 'A key prefix has only letters A–Z and digits 0–9.',
  })
  .transform((prefix) => (prefix === '' ? null : prefix))
  .nullable();

/** Control characters other than line breaks and tabs: a description may have paragraphs. */
const DESCRIPTION_CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** A product's fields, as "New product" and "Edit" both take them. */
export const productSchema = z.object({
  name: z
    .string({ error: 'Enter the product name.' })
    .trim()
    .min(1, { error: 'Enter the product name.' })
    .max(PRODUCT_NAME_MAX_LENGTH, {
      error: `A product name has at most ${PRODUCT_NAME_MAX_LENGTH} characters.`,
    })
    .refine(hasNoControlCharacters, {
      error: 'A product name cannot contain control characters such as tabs or line breaks.',
    }),
  description: z
    .string({ error: 'Enter a description, or leave it empty.' })
    .trim()
    .max(PRODUCT_DESCRIPTION_MAX_LENGTH, {
      error: `A description has at most ${PRODUCT_DESCRIPTION_MAX_LENGTH.toLocaleString('en-US')} characters.`,
    })
    .refine((text) => !DESCRIPTION_CONTROL_CHARACTERS.test(text), {
      error: 'A description cannot contain control characters other than line breaks.',
    }),
  activationsLimit: activationsLimitSchema,
  keyLifetime: keyLifetimeSchema,
  keyPrefix: keyPrefixSchema,
});

export const createProductSchema = productSchema;
export const updateProductSchema = productSchema;

export type ProductInput = z.infer<typeof productSchema>;
/** A change to a product: an absent field is kept (the REST API's PATCH); the form sends them all. */
export type ProductPatch = Partial<ProductInput>;
export type ProductFormValues = z.input<typeof productSchema>;
export type ProductField = keyof ProductFormValues;

export const PRODUCT_NOT_FOUND_FOR_EDIT_MESSAGE =
  'This product was not found. It may have been removed; go back to the product list.';

/** The data layer's failure codes, as the product form and the archive buttons tell them. */
export const productFailures = {
  PRODUCT_NOT_FOUND: { message: PRODUCT_NOT_FOUND_FOR_EDIT_MESSAGE },
} as const;
