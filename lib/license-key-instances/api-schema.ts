import { z } from 'zod';
import { CONTROL_CHARACTERS } from '@/lib/text';
import { objectIdSchema, pageQuerySchema } from '@/lib/http/api-schema';

// The instance endpoints' bodies, queries and answers, in Dodo's snake_case. No server imports:
// the OpenAPI document is generated from these.

export const INSTANCE_NAME_MAX_LENGTH = 255;

/** What the shipped software calls the machine or seat it activates: `name` on activate and rename. */
export const instanceNameSchema = z
  .string({ error: 'name must be a string.' })
  .trim()
  .min(1, { error: 'name is required.' })
  .max(INSTANCE_NAME_MAX_LENGTH, {
    error: `name has at most ${INSTANCE_NAME_MAX_LENGTH} characters.`,
  })
  .refine((name) => !CONTROL_CHARACTERS.test(name), {
    error: 'name cannot contain control characters such as tabs or line breaks.',
  })
  .meta({
    description: 'The machine or seat, as the software names it; trimmed, 1 to 255 characters.',
  });

/** GET /license_key_instances: newest first, one page, optionally of one license key. */
export const apiListLicenseKeyInstancesQuerySchema = pageQuerySchema.extend({
  license_key_id: objectIdSchema('license_key_id').optional(),
});

/** PATCH /license_key_instances/{id}: renames the instance. */
export const apiUpdateLicenseKeyInstanceSchema = z.object({ name: instanceNameSchema });

/** A license key instance (one activation) as Dodo's API shows it. */
export const apiLicenseKeyInstanceSchema = z.object({
  id: z.string(),
  business_id: z.string(),
  created_at: z.iso.datetime(),
  license_key_id: z.string(),
  name: z.string(),
});

/** GET /license_key_instances answer. */
export const apiLicenseKeyInstanceListSchema = z.object({
  items: z.array(apiLicenseKeyInstanceSchema),
});

export type ApiLicenseKeyInstance = z.infer<typeof apiLicenseKeyInstanceSchema>;
