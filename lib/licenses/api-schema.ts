import { z } from 'zod';
import { LICENSE_VALIDATION_CODES } from './schema';
import {
  apiLicenseKeyInstanceSchema,
  instanceNameSchema,
} from '@/lib/license-key-instances/api-schema';
import { objectIdSchema } from '@/lib/http/api-schema';
import { licenseKeyStringSchema } from '@/lib/license-keys/schema';

// The public endpoints that shipped software calls with a license key and no API key, in Dodo's
// shapes. No server imports: the OpenAPI document is generated from these.

/** POST /licenses/activate */
export const apiActivateLicenseSchema = z.object({
  license_key: licenseKeyStringSchema,
  name: instanceNameSchema,
});

/** POST /licenses/deactivate */
export const apiDeactivateLicenseSchema = z.object({
  license_key: licenseKeyStringSchema,
  license_key_instance_id: objectIdSchema('license_key_instance_id'),
});

/** POST /licenses/validate: with an instance id, the key is valid only if that instance is one of it. */
export const apiValidateLicenseSchema = z.object({
  license_key: licenseKeyStringSchema,
  license_key_instance_id: objectIdSchema('license_key_instance_id')
    .nullable()
    .optional()
    .meta({ description: 'Also require that this instance is activated on the key.' }),
});

/** 201 from POST /licenses/activate: the new instance, with the key's customer and product. */
export const apiActivateLicenseResponseSchema = apiLicenseKeyInstanceSchema.extend({
  customer: z.object({ customer_id: z.string(), name: z.string(), email: z.string() }),
  product: z.object({ product_id: z.string(), name: z.string() }),
});

/** 200 from POST /licenses/deactivate: an empty object (the SDK's `deactivate` resolves to void). */
export const apiDeactivateLicenseResponseSchema = z.object({}).strict();

/**
 * 200 from POST /licenses/validate, for every key, known or not (as Dodo answers). `valid` is Dodo's
 * field; `code` is Keydesk's addition: why a key is not valid, for the software to tell its user.
 */
export const apiValidateLicenseResponseSchema = z.object({
  valid: z.boolean(),
  code: z.enum(LICENSE_VALIDATION_CODES).meta({
    description: 'Keydesk only (Dodo sends just `valid`): VALID, or why the key is not valid.',
  }),
});

export type ApiActivateLicenseResponse = z.infer<typeof apiActivateLicenseResponseSchema>;
