import { z } from 'zod';
import { pageQuerySchema } from '@/lib/http/api-schema';
import {
  productSchema,
  type DurationInterval,
  type ProductInput,
  type ProductPatch,
} from './schema';

// The product endpoints' bodies, queries and answers, in Dodo's snake_case, built from the
// dashboard form's schema. No server imports: the OpenAPI document is generated from these.
// Keydesk products carry a name, a description and license-key terms only: no prices, taxes,
// images, entitlements or metadata. Those of Dodo's fields the SDK's types require are present in
// answers with honest empty values (null, [], {}); the rest are left out.

/** Dodo's TimeInterval values. */
export const DODO_TIME_INTERVALS = ['Day', 'Week', 'Month', 'Year'] as const;

/** Dodo's spelling of Keydesk's duration units. */
export const DODO_TIME_INTERVAL: Record<DurationInterval, (typeof DODO_TIME_INTERVALS)[number]> = {
  day: 'Day',
  week: 'Week',
  month: 'Month',
  year: 'Year',
};

const FROM_DODO_INTERVAL = Object.fromEntries(
  Object.entries(DODO_TIME_INTERVAL).map(([keydesk, dodo]) => [dodo, keydesk]),
) as Record<(typeof DODO_TIME_INTERVALS)[number], DurationInterval>;

const NOT_STORED =
  'Accepted so that calls written for Dodo Payments work unchanged; Keydesk does not sell, so it does not store it and answers show null.';

/** Dodo's tax categories. */
export const DODO_TAX_CATEGORIES = [
  'digital_products',
  'saas',
  'e_book',
  'edtech',
  'live_tutoring',
] as const;

/** Dodo's price: checked for its kind and currency, then set aside (Keydesk has no prices). */
const dodoPriceSchema = z
  .looseObject({
    type: z.enum(['one_time_price', 'recurring_price', 'usage_based_price'], {
      error: 'price.type must be one_time_price, recurring_price or usage_based_price.',
    }),
    currency: z
      .string({ error: 'price.currency must be a three-letter currency code.' })
      .regex(/^[A-Z]{3}$/, { error: 'price.currency must be a three-letter currency code.' }),
  })
  .meta({
    description: `Dodo Payments' price object (one_time_price, recurring_price or usage_based_price). ${NOT_STORED}`,
  });

const taxCategorySchema = z
  .enum(DODO_TAX_CATEGORIES, {
    error: `tax_category must be one of ${DODO_TAX_CATEGORIES.join(', ')}.`,
  })
  .meta({ description: NOT_STORED });

const licenseKeyDurationSchema = z
  .object(
    {
      count: productSchema.shape.keyLifetime.unwrap().shape.count,
      interval: z.enum(DODO_TIME_INTERVALS, {
        error: 'interval must be Day, Week, Month or Year.',
      }),
    },
    { error: 'license_key_duration must be { count, interval } or null.' },
  )
  .nullable()
  .meta({ description: 'How long a new key is valid by default; null: keys never expire.' });

const requestFields = {
  description: productSchema.shape.description
    .nullable()
    .meta({ description: 'Up to 1,000 characters; "" for none.' })
    .optional(),
  price: dodoPriceSchema.nullable().optional(),
  tax_category: taxCategorySchema.nullable().optional(),
  license_key_enabled: z
    .boolean({ error: 'license_key_enabled must be true or false.' })
    .nullable()
    .refine((enabled) => enabled !== false, {
      error: 'Keydesk products always issue license keys: license_key_enabled cannot be false.',
    })
    .meta({ description: 'Keydesk products always issue license keys: true or null only.' })
    .optional(),
  license_key_activations_limit: productSchema.shape.activationsLimit
    .meta({ description: 'Activations a new key allows by default; null: unlimited.' })
    .optional(),
  license_key_duration: licenseKeyDurationSchema.optional(),
  key_prefix: productSchema.shape.keyPrefix
    .meta({
      description:
        'Keydesk only: generated keys start with it (PHOTO-…). Letters A–Z and digits, starting with a letter, up to 12; null or "" for none.',
    })
    .optional(),
};

const toKeyLifetime = (duration: z.output<typeof licenseKeyDurationSchema> | undefined) =>
  duration && { count: duration.count, interval: FROM_DODO_INTERVAL[duration.interval] };

/**
 * POST /products — Dodo's create contract. `name` as the form checks it; `price` and
 * `tax_category` are checked and not stored; Dodo's other fields (addons, metadata, entitlements…)
 * are ignored.
 */
export const apiCreateProductSchema = z
  .object({
    name: productSchema.shape.name,
    ...requestFields,
  })
  .transform((body): ProductInput => ({
    name: body.name,
    description: body.description ?? '',
    activationsLimit: body.license_key_activations_limit ?? null,
    keyLifetime: toKeyLifetime(body.license_key_duration) ?? null,
    keyPrefix: body.key_prefix ?? null,
  }));

/**
 * PATCH /products/{id} — Dodo's update contract: an absent field is kept, and so is a null name or
 * description; a null limit or duration clears it (unlimited, never expires).
 */
export const apiUpdateProductSchema = z
  .object({
    name: productSchema.shape.name.nullable().optional(),
    ...requestFields,
  })
  .transform((body): ProductPatch => ({
    name: body.name ?? undefined,
    description: body.description ?? undefined,
    activationsLimit: body.license_key_activations_limit,
    keyLifetime:
      body.license_key_duration === undefined
        ? undefined
        : toKeyLifetime(body.license_key_duration),
    keyPrefix: body.key_prefix,
  }));

const queryBoolean = (name: string) =>
  z
    .enum(['true', 'false'], { error: `${name} must be true or false.` })
    .transform((value) => value === 'true');

/** GET /products: Dodo's filters. Keydesk has no recurring products. */
export const apiListProductsQuerySchema = pageQuerySchema.extend({
  archived: queryBoolean('archived')
    .optional()
    .meta({ description: 'true: archived products only; false or absent: the others, as Dodo.' }),
  recurring: queryBoolean('recurring')
    .optional()
    .meta({ description: 'Keydesk products have no recurring prices: true answers no products.' }),
  brand_id: z
    .string({ error: 'brand_id must be a string id.' })
    .trim()
    .min(1, { error: 'brand_id cannot be empty.' })
    .max(64, { error: 'brand_id is too long to be an id.' })
    .optional()
    .meta({ description: "Keydesk has one brand per business, with the business's id." }),
});

const absent = (what: string) => z.null().meta({ description: `Always null: ${what}` });
const noPrice = 'Keydesk does not sell; products have no price.';

/** A product as Dodo's API shows it, in both the list and the single-product answer. */
export const apiProductSchema = z
  .object({
    product_id: z.string(),
    business_id: z.string(),
    brand_id: z
      .string()
      .meta({ description: 'Keydesk has one brand per business: its business id.' }),
    name: z.string(),
    description: z.string().nullable().meta({ description: 'null when it has none.' }),
    image: absent('Keydesk products have no image.'),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime().meta({
      description:
        'The latest change recorded in the activity trail (name, description, key defaults, archiving), else created_at.',
    }),
    is_recurring: z
      .literal(false)
      .meta({ description: 'Always false: Keydesk has no subscriptions.' }),
    license_key_enabled: z
      .literal(true)
      .meta({ description: 'Always true: every Keydesk product issues license keys.' }),
    license_key_activations_limit: z
      .number()
      .int()
      .nullable()
      .meta({ description: 'Activations a new key allows by default; null: unlimited.' }),
    license_key_duration: z
      .object({
        count: z.number().int(),
        interval: z.enum(DODO_TIME_INTERVALS),
      })
      .nullable()
      .meta({ description: 'How long a new key is valid by default; null: keys never expire.' }),
    metadata: z
      .record(z.string(), z.string())
      .meta({ description: 'Always {}: Keydesk products have no metadata.' }),
    entitlements: z
      .array(z.unknown())
      .max(0)
      .meta({ description: 'Always []: Keydesk has no entitlements.' }),
    credit_entitlements: z
      .array(z.unknown())
      .max(0)
      .meta({ description: 'Always []: Keydesk has no credit entitlements.' }),
    price: absent(noPrice),
    tax_category: absent('Keydesk does not compute taxes; no category was chosen.'),
  })
  .meta({
    description:
      'Dodo Payments’ product, as far as Keydesk has one. Fields the SDK’s types require but Keydesk lacks are present with empty values (`price`, `tax_category`, `image`: null; `metadata`: {}; `entitlements`, `credit_entitlements`: []). Optional Dodo fields Keydesk lacks are left out: `addons`, `currency`, `digital_product_delivery`, `license_key_activation_message`, `price_detail`, `pricing_mode`, `product_collection_id`, `tax_inclusive`.',
  });

/** GET /products answer. */
export const apiProductListSchema = z.object({ items: z.array(apiProductSchema) });

export type ApiProduct = z.output<typeof apiProductSchema>;
