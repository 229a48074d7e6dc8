import { DODO_TIME_INTERVAL, type ApiProduct } from './api-schema';
import type { Product } from './data';

/**
 * A product as Dodo's API shows it. Keydesk has one brand per business (brand_id is the business),
 * no prices, taxes, images, entitlements or metadata: those fields are null, [] or {}.
 */
export function toApiProduct(product: Product): ApiProduct {
  return {
    product_id: product.id,
    business_id: product.businessId,
    brand_id: product.businessId,
    name: product.name,
    description: product.description || null,
    image: null,
    created_at: product.createdAt.toISOString(),
    updated_at: product.updatedAt.toISOString(),
    is_recurring: false,
    license_key_enabled: true,
    license_key_activations_limit: product.defaultActivationsLimit,
    license_key_duration: product.defaultKeyDuration
      ? {
          count: product.defaultKeyDuration.count,
          interval: DODO_TIME_INTERVAL[product.defaultKeyDuration.interval],
        }
      : null,
    metadata: {},
    entitlements: [],
    credit_entitlements: [],
    price: null,
    tax_category: null,
  };
}
