import type { LicenseKeyRecord } from './data-read';
import { maskLicenseKey } from '@/lib/log';

// The REST API's view of a key: Dodo's snake_case shape of the data layer's LicenseKey.

/**
 * A license key as Dodo's API shows it. Keydesk has one brand per business: brand_id is the
 * business. Without `reveal` (a read-only API key) the key string is masked as lists show it,
 * because a whole key is enough to fill or free every seat through the public endpoints.
 */
export function toApiLicenseKey(key: LicenseKeyRecord, { reveal }: { reveal: boolean }) {
  return {
    id: key.id,
    business_id: key.businessId,
    brand_id: key.businessId,
    key: reveal ? key.key : maskLicenseKey(key.key),
    status: key.status,
    source: key.source,
    customer_id: key.customerId,
    product_id: key.productId,
    instances_count: key.instancesCount,
    activations_limit: key.activationsLimit,
    expires_at: key.expiresAt?.toISOString() ?? null,
    created_at: key.createdAt.toISOString(),
    payment_id: key.paymentId,
    subscription_id: key.subscriptionId,
  };
}

export type ApiLicenseKey = ReturnType<typeof toApiLicenseKey>;
