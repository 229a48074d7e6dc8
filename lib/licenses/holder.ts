import type { Actor } from '@/lib/auth/authorize';

// The public license endpoints' callers and what an activation answers, shared by the data modules.

/** Who called a public endpoint: no account, only the request and the client's address. */
export type LicenseHolder = { requestId: string; address: string };

export type LicenseKeyInstance = {
  id: string;
  businessId: string;
  licenseKeyId: string;
  name: string;
  createdAt: Date;
};

export type Activation = {
  instance: LicenseKeyInstance;
  customer: { id: string; name: string; email: string };
  product: { id: string; name: string };
};

export type ActivationCode =
  'LICENSE_KEY_NOT_FOUND' | 'INACTIVE_LICENSE_KEY' | 'LICENSE_KEY_LIMIT_REACHED';

/** The actor a license holder's change is recorded under, in the business of the key. */
export function holderActor(holder: LicenseHolder, businessId: string): Actor {
  return {
    businessId,
    type: 'license_holder',
    id: holder.address,
    name: 'License holder',
    role: null,
    requestId: holder.requestId,
  };
}
