import type { ApiLicenseKeyInstance } from './api-schema';
import type { LicenseKeyInstance } from './data';

/** An instance (one activation of a key) as Dodo's API shows it. */
export function toApiLicenseKeyInstance(instance: LicenseKeyInstance): ApiLicenseKeyInstance {
  return {
    id: instance.id,
    business_id: instance.businessId,
    created_at: instance.createdAt.toISOString(),
    license_key_id: instance.licenseKeyId,
    name: instance.name,
  };
}
