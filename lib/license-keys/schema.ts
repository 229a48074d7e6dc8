import { z } from 'zod';
import { withinStoredRange } from '@/lib/instants';
import { CONTROL_CHARACTERS } from '@/lib/text';
import { ACTIVATIONS_LIMIT_MAX, LICENSE_KEY_MAX_LENGTH, LICENSE_KEY_MIN_LENGTH } from './limits';

// Shared by the form (client-side validation), the server action and the REST API (./api-schema.ts).
// No server imports here.

export { ACTIVATIONS_LIMIT_MAX, LICENSE_KEY_MAX_LENGTH, LICENSE_KEY_MIN_LENGTH } from './limits';

export const licenseKeyStringSchema = z
  .string({ error: 'Enter the license key.' })
  .trim()
  .min(LICENSE_KEY_MIN_LENGTH, {
    error: `A license key has at least ${LICENSE_KEY_MIN_LENGTH} characters.`,
  })
  .max(LICENSE_KEY_MAX_LENGTH, {
    error: `A license key has at most ${LICENSE_KEY_MAX_LENGTH} characters.`,
  })
  .refine((key) => !CONTROL_CHARACTERS.test(key), {
    error: 'A license key cannot contain control characters such as tabs or line breaks.',
  });

export const activationsLimitSchema = z
  .number({ error: 'Enter a whole number of activations, or choose Unlimited activations.' })
  .int({ error: 'Enter a whole number of activations.' })
  .min(0, { error: 'The activations limit cannot be negative.' })
  .max(ACTIVATIONS_LIMIT_MAX, {
    error: `The activations limit can be at most ${ACTIVATIONS_LIMIT_MAX.toLocaleString('en-US')}.`,
  })
  .nullable();

/** An unambiguous instant: ISO 8601 with a zone offset or Z. `null` means the key never expires. */
export const expiresAtSchema = z.iso
  .datetime({
    offset: true,
    error: 'Enter a date and time, or choose Never expires.',
  })
  .refine(withinStoredRange, { error: 'Choose a date between 1970 and 9999.' })
  .nullable();

const licenseKeyTerms = z.object({
  customerId: z
    .string({ error: 'Choose a customer.' })
    .trim()
    .min(1, { error: 'Choose a customer.' }),
  productId: z.string({ error: 'Choose a product.' }).trim().min(1, { error: 'Choose a product.' }),
  activationsLimit: activationsLimitSchema,
  expiresAt: expiresAtSchema,
});

export const generateLicenseKeySchema = licenseKeyTerms.extend({ mode: z.literal('generate') });
export const importLicenseKeySchema = licenseKeyTerms.extend({
  mode: z.literal('import'),
  key: licenseKeyStringSchema,
});

/**
 * Issue a key: generate a new one, or import one that exists elsewhere. A generated key must
 * expire in the future; an imported key may already have expired (it shows as expired).
 */
export const createLicenseKeySchema = z
  .discriminatedUnion('mode', [generateLicenseKeySchema, importLicenseKeySchema], {
    error: 'Choose whether to generate a new key or import an existing one.',
  })
  .superRefine((input, ctx) => {
    if (input.mode === 'generate' && input.expiresAt && Date.parse(input.expiresAt) <= Date.now()) {
      ctx.addIssue({
        code: 'custom',
        path: ['expiresAt'],
        message: 'A new key must expire in the future. Choose a later time, or Never expires.',
      });
    }
  });

export type CreateLicenseKeyInput = z.infer<typeof createLicenseKeySchema>;
export type CreateLicenseKeyFormValues = z.input<typeof createLicenseKeySchema>;
export type CreateLicenseKeyField =
  'mode' | 'key' | 'customerId' | 'productId' | 'activationsLimit' | 'expiresAt';

/** The data layer's failure codes, as the form tells them. */
export const KEY_ALREADY_EXISTS_MESSAGE = 'This license key already exists. Keys must be unique.';
export const CUSTOMER_NOT_FOUND_MESSAGE = 'Customer not found. Choose a customer from the list.';
export const PRODUCT_NOT_FOUND_MESSAGE = 'Product not found. Choose a product from the list.';
export const PRODUCT_ARCHIVED_MESSAGE =
  'This product is archived: it takes no new keys. Choose another product, or unarchive it on the Products page.';

export const createLicenseKeyFailures = {
  KEY_TAKEN: { field: 'key', message: KEY_ALREADY_EXISTS_MESSAGE },
  CUSTOMER_NOT_FOUND: { field: 'customerId', message: CUSTOMER_NOT_FOUND_MESSAGE },
  PRODUCT_NOT_FOUND: { field: 'productId', message: PRODUCT_NOT_FOUND_MESSAGE },
  PRODUCT_ARCHIVED: { field: 'productId', message: PRODUCT_ARCHIVED_MESSAGE },
  CUSTOMER_AND_PRODUCT_NOT_FOUND: {
    fields: { customerId: CUSTOMER_NOT_FOUND_MESSAGE, productId: PRODUCT_NOT_FOUND_MESSAGE },
  },
} as const;

/** "3 activations are in use: the limit cannot be lower. Deactivate instances first." */
export function limitBelowActivationsMessage(instancesCount: number | undefined): string {
  const inUse =
    instancesCount === undefined
      ? 'More activations are in use'
      : `${instancesCount} activation${instancesCount === 1 ? ' is' : 's are'} in use`;
  return `${inUse}: the limit cannot be lower. Deactivate instances first.`;
}

export const updateLicenseKeyFailures = {
  LICENSE_KEY_NOT_FOUND: { message: 'License key not found.' },
  LIMIT_BELOW_ACTIVATIONS: {
    field: 'activationsLimit',
    message: (failure: { detail?: { instancesCount?: number } }) =>
      limitBelowActivationsMessage(failure.detail?.instancesCount),
  },
} as const;

/**
 * Change a key's terms (the "Edit key" form on its page): the create form's own field schemas.
 * Unlike a new key's, the expiry may be in the past: that ends the key now.
 */
export const editLicenseKeySchema = generateLicenseKeySchema.pick({
  activationsLimit: true,
  expiresAt: true,
});

export type EditLicenseKeyInput = z.infer<typeof editLicenseKeySchema>;
export type EditLicenseKeyFormValues = z.input<typeof editLicenseKeySchema>;
export type EditLicenseKeyField = keyof EditLicenseKeyFormValues;

/** The key an action changes: its id, proven to be the business's by the data layer. */
export const licenseKeyIdSchema = z.string().min(1).max(64);

export const renewLicenseKeyFailures = {
  ...updateLicenseKeyFailures,
  NEVER_EXPIRES: { message: 'This key never expires: there is nothing to renew.' },
  NO_KEY_LIFETIME: {
    message:
      "The key's product has no key lifetime, so there is nothing to renew by. Set one on the product.",
  },
} as const;

/** Disable or enable a key (the button on its page). */
export const setLicenseKeyDisabledSchema = z.object({
  id: licenseKeyIdSchema,
  disabled: z.boolean(),
});
