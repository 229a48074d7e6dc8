import { z } from 'zod';
import { instantQuerySchema, pageQuerySchema } from '@/lib/http/api-schema';
import { createCustomerSchema, CUSTOMER_NAME_MAX_LENGTH, EMAIL_MAX_LENGTH } from './schema';

// The customer endpoints' bodies, queries and answers, in Dodo's snake_case, built from the
// dashboard form's schema. No server imports: the OpenAPI document is generated from these.

export const PHONE_NUMBER_MAX_LENGTH = 50;

const NOT_STORED =
  'Accepted so that calls written for Dodo Payments work unchanged; Keydesk does not store it.';

/**
 * POST /customers — Dodo's create contract. The form's name and email rules; `phone_number` and
 * `metadata` are accepted and not stored (Keydesk has neither), so answers show null and {}.
 */
export const apiCreateCustomerSchema = createCustomerSchema.extend({
  phone_number: z
    .string({ error: 'phone_number must be a string or null.' })
    .max(PHONE_NUMBER_MAX_LENGTH, {
      error: `phone_number has at most ${PHONE_NUMBER_MAX_LENGTH} characters.`,
    })
    .nullable()
    .optional()
    .meta({ description: `${NOT_STORED} Answers always show null.` }),
  metadata: z
    .record(z.string(), z.string(), { error: 'metadata must be an object of strings.' })
    .optional()
    .meta({ description: `${NOT_STORED} Answers always show {}.` }),
});

/**
 * PATCH /customers/{id} — Dodo's update contract: an absent or null field is kept. A new email
 * must not be another customer's of the business (409). `phone_number` and `metadata` are accepted
 * and not stored.
 */
export const apiUpdateCustomerSchema = z.object({
  name: createCustomerSchema.shape.name.nullable().optional(),
  email: createCustomerSchema.shape.email.nullable().optional(),
  phone_number: apiCreateCustomerSchema.shape.phone_number,
  metadata: z
    .record(z.string(), z.string(), { error: 'metadata must be an object of strings.' })
    .nullable()
    .optional()
    .meta({ description: `${NOT_STORED} Answers always show {}.` }),
});

/** GET /customers: Dodo's filters, newest first. */
export const apiListCustomersQuerySchema = pageQuerySchema.extend({
  email: z
    .string({ error: 'email must be a string.' })
    .trim()
    .min(1, { error: 'email cannot be empty.' })
    .max(EMAIL_MAX_LENGTH, { error: `email has at most ${EMAIL_MAX_LENGTH} characters.` })
    .optional()
    .meta({ description: 'The whole email address, in any letter case.' }),
  name: z
    .string({ error: 'name must be a string.' })
    .trim()
    .min(1, { error: 'name cannot be empty.' })
    .max(CUSTOMER_NAME_MAX_LENGTH, {
      error: `name has at most ${CUSTOMER_NAME_MAX_LENGTH} characters.`,
    })
    .optional()
    .meta({ description: 'Part of the name, in any letter case: "kim" finds "Dana Kim".' }),
  created_at_gte: instantQuerySchema('created_at_gte').optional(),
  created_at_lte: instantQuerySchema('created_at_lte').optional(),
});

/** A customer as Dodo's API shows it. */
export const apiCustomerSchema = z
  .object({
    customer_id: z.string(),
    business_id: z.string(),
    name: z.string(),
    email: z.string(),
    phone_number: z
      .null()
      .meta({ description: 'Always null: Keydesk does not store phone numbers.' }),
    metadata: z
      .record(z.string(), z.string())
      .meta({ description: 'Always {}: Keydesk does not store customer metadata.' }),
    created_at: z.iso.datetime(),
  })
  .meta({
    description:
      'Dodo Payments’ customer, as far as Keydesk has one: no phone number, no metadata. Dodo’s optional `blocked_at` and `blocklist_entry_id` are left out (Keydesk blocks no customers).',
  });

/** GET /customers answer. */
export const apiCustomerListSchema = z.object({ items: z.array(apiCustomerSchema) });

export type ApiCustomer = z.output<typeof apiCustomerSchema>;
