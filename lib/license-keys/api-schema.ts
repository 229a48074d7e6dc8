import { z } from 'zod';
import { LICENSE_KEY_SOURCES, LICENSE_KEY_STATUSES } from './status';
import { instantQuerySchema, objectIdSchema, pageQuerySchema } from '@/lib/http/api-schema';
import {
  activationsLimitSchema,
  expiresAtSchema,
  licenseKeyStringSchema,
  type CreateLicenseKeyInput,
} from './schema';

// The REST API's bodies and queries, in Dodo's snake_case, built from the same field schemas the
// dashboard's form uses. No server imports: the OpenAPI document is generated from these.

/** POST /license_keys — Dodo's create contract. Imports the key as given (source `import`). */
export const apiCreateLicenseKeySchema = z
  .object({
    key: licenseKeyStringSchema,
    customer_id: objectIdSchema('customer_id'),
    product_id: objectIdSchema('product_id'),
    activations_limit: activationsLimitSchema.optional(),
    expires_at: expiresAtSchema.optional(),
  })
  .transform((body): CreateLicenseKeyInput => ({
    mode: 'import',
    key: body.key,
    customerId: body.customer_id,
    productId: body.product_id,
    activationsLimit: body.activations_limit ?? null,
    expiresAt: body.expires_at ?? null,
  }));

/** PATCH /license_keys/{id}: an absent field is kept; null clears a limit or an expiry. */
export const apiUpdateLicenseKeySchema = z.object({
  activations_limit: activationsLimitSchema.optional(),
  disabled: z.boolean({ error: 'disabled must be true or false.' }).nullable().optional(),
  expires_at: expiresAtSchema.optional(),
});

/** GET /license_keys */
export const apiListLicenseKeysQuerySchema = pageQuerySchema.extend({
  customer_id: objectIdSchema('customer_id').optional(),
  product_id: objectIdSchema('product_id').optional(),
  status: z
    .enum(LICENSE_KEY_STATUSES, { error: 'status must be active, expired or disabled.' })
    .optional(),
  source: z
    .enum(LICENSE_KEY_SOURCES, { error: 'source must be auto, import or manual.' })
    .optional(),
  created_at_gte: instantQuerySchema('created_at_gte').optional(),
  created_at_lte: instantQuerySchema('created_at_lte').optional(),
});

// ── Answers ────────────────────────────────────────────────────────────────────────────────────
// The shapes toApiLicenseKey (./api.ts) returns; the OpenAPI document is generated from these, and
// lib/http/openapi.test.ts checks that the serializer's type and these schemas agree.

/** A license key as Dodo's API shows it. Keydesk has one brand per business: brand_id is the business. */
export const apiLicenseKeySchema = z.object({
  id: z.string(),
  business_id: z.string(),
  brand_id: z
    .string()
    .meta({ description: 'Keydesk has one brand per business: its business id.' }),
  key: z.string().meta({
    description:
      'The license key itself: a secret, shown whole to write API keys and masked (••••7XQ2) to read-only ones.',
  }),
  status: z.enum(LICENSE_KEY_STATUSES).meta({
    description:
      'Derived when read: disabled if disabled, else expired once expires_at has passed.',
  }),
  source: z.enum(LICENSE_KEY_SOURCES),
  customer_id: z.string(),
  product_id: z.string(),
  instances_count: z.number().int().meta({ description: 'Activations in use.' }),
  activations_limit: z.number().int().nullable().meta({ description: 'null: unlimited.' }),
  expires_at: z.iso.datetime().nullable().meta({ description: 'null: never expires.' }),
  created_at: z.iso.datetime(),
  payment_id: z.string().nullable(),
  subscription_id: z.string().nullable(),
});

/** GET /license_keys answer. */
export const apiLicenseKeyListSchema = z.object({ items: z.array(apiLicenseKeySchema) });
