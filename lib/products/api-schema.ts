import { z } from 'zod';
import { pageQuerySchema } from '@/lib/http/api-schema';
import type { DurationInterval } from './schema';

// The product endpoints' queries and answers, in Dodo's snake_case. No server imports: the OpenAPI
// document is generated from these. Keydesk products carry license-key terms only: no prices,
// taxes, images, descriptions, entitlements or metadata. Those of Dodo's fields the SDK's types
// require are present with honest empty values (null, [], {}); the rest are left out.

/** Dodo's TimeInterval values. */
export const DODO_TIME_INTERVALS = ['Day', 'Week', 'Month', 'Year'] as const;

/** Dodo's spelling of Keydesk's duration units. */
export const DODO_TIME_INTERVAL: Record<DurationInterval, (typeof DODO_TIME_INTERVALS)[number]> = {
  day: 'Day',
  week: 'Week',
  month: 'Month',
  year: 'Year',
};

const queryBoolean = (name: string) =>
  z
    .enum(['true', 'false'], { error: `${name} must be true or false.` })
    .transform((value) => value === 'true');

/** GET /products: Dodo's filters. Keydesk has no archived and no recurring products. */
export const apiListProductsQuerySchema = pageQuerySchema.extend({
  archived: queryBoolean('archived')
    .optional()
    .meta({ description: 'Keydesk does not archive products: true answers no products.' }),
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
    description: absent('Keydesk products have no description.'),
    image: absent('Keydesk products have no image.'),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime().meta({
      description:
        'The latest change recorded in the activity trail (name, key defaults), else created_at.',
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
      'Dodo Payments’ product, as far as Keydesk has one. Fields the SDK’s types require but Keydesk lacks are present with empty values (`price`, `tax_category`, `description`, `image`: null; `metadata`: {}; `entitlements`, `credit_entitlements`: []). Optional Dodo fields Keydesk lacks are left out: `addons`, `currency`, `digital_product_delivery`, `license_key_activation_message`, `price_detail`, `pricing_mode`, `product_collection_id`, `tax_inclusive`.',
  });

/** GET /products answer. */
export const apiProductListSchema = z.object({ items: z.array(apiProductSchema) });

export type ApiProduct = z.output<typeof apiProductSchema>;
