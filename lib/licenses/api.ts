import 'server-only';
import { createHash } from 'node:crypto';
import { db } from '@/lib/db';
import { readEnv } from '@/lib/env';
import { ApiError, apiErrors } from '@/lib/http/api-error';
import { enforceRateLimit } from '@/lib/http/rate-limit';
import { toApiLicenseKeyInstance } from '@/lib/license-key-instances/api';
import { licenseKeyStatus } from '@/lib/license-keys/status';
import type {
  ApiActivateLicense,
  ApiActivateLicenseResponse,
  ApiDeactivateLicense,
  ApiValidateLicense,
  ApiValidateLicenseResponse,
} from './api-schema';
import { activateLicenseKey, deactivateInstance, type ActivationRefusal } from './instances';

// The public license endpoints: called by shipped software with a license key and no API key, so
// there is no actor and nothing here is audited per member or API key. Every function takes the
// key string as the caller sent it (validated, trimmed) and never logs or stores it whole.

/**
 * The per-license-key limit, shared by activate, deactivate and validate. The bucket is named by the
 * key's SHA-256, so that the rate-limit table never holds a key.
 */
export async function enforceLicenseKeyRateLimit(licenseKey: string): Promise<void> {
  const digest = createHash('sha256').update(licenseKey).digest('hex');
  await enforceRateLimit(`licenses:key:${digest}`, readEnv().rateLimitPerLicenseKey);
}

const licenseKeyNotFound = () =>
  apiErrors.notFound('LICENSE_KEY_NOT_FOUND', 'License key not found.');

const refusals: Record<ActivationRefusal, () => ApiError> = {
  LICENSE_KEY_NOT_FOUND: licenseKeyNotFound,
  INACTIVE_LICENSE_KEY: () =>
    new ApiError(403, 'INACTIVE_LICENSE_KEY', 'This license key is disabled or has expired.'),
  LICENSE_KEY_LIMIT_REACHED: () =>
    apiErrors.invalid(
      'This license key has reached its activations limit. Deactivate an instance first.',
      undefined,
      'LICENSE_KEY_LIMIT_REACHED',
    ),
};

/** POST /licenses/activate: takes a seat (atomically, see ./instances.ts) and names the instance. */
export async function activateLicenseForApi(
  input: ApiActivateLicense,
): Promise<ApiActivateLicenseResponse> {
  const result = await activateLicenseKey(input.license_key, input.name);
  if (!result.ok) throw refusals[result.code]();
  // Customers and products cannot be deleted while a key refers to them (onDelete: Restrict).
  const { customer, product } = await db.licenseKey.findUniqueOrThrow({
    where: { id: result.instance.licenseKeyId },
    select: {
      customer: { select: { id: true, name: true, email: true } },
      product: { select: { id: true, name: true } },
    },
  });
  return {
    ...toApiLicenseKeyInstance(result.instance),
    customer: { customer_id: customer.id, name: customer.name, email: customer.email },
    product: { product_id: product.id, name: product.name },
  };
}

/**
 * POST /licenses/deactivate: frees the instance's seat, whatever the key's status (a disabled or
 * expired key may still release its machines). 404 when the key or its instance does not exist.
 */
export async function deactivateLicenseForApi(input: ApiDeactivateLicense): Promise<void> {
  const done = await deactivateInstance(
    { licenseKey: input.license_key },
    input.license_key_instance_id,
  );
  if (done) return;
  const key = await db.licenseKey.findUnique({
    where: { key: input.license_key },
    select: { id: true },
  });
  if (!key) throw licenseKeyNotFound();
  throw apiErrors.notFound(
    'LICENSE_KEY_INSTANCE_NOT_FOUND',
    'No instance with this id is activated on this license key.',
  );
}

/**
 * POST /licenses/validate: always 200. Valid when the key exists, is neither disabled nor expired
 * and, if an instance id is given, that instance is activated on it. Reads only.
 */
export async function validateLicenseForApi(
  input: ApiValidateLicense,
  now = new Date(),
): Promise<ApiValidateLicenseResponse> {
  const key = await db.licenseKey.findUnique({
    where: { key: input.license_key },
    select: { id: true, disabled: true, expiresAt: true },
  });
  if (!key) return { valid: false, code: 'LICENSE_KEY_NOT_FOUND' };
  const status = licenseKeyStatus(key, now);
  if (status === 'disabled') return { valid: false, code: 'LICENSE_KEY_DISABLED' };
  if (status === 'expired') return { valid: false, code: 'LICENSE_KEY_EXPIRED' };
  if (input.license_key_instance_id) {
    const instance = await db.licenseKeyInstance.findFirst({
      where: { id: input.license_key_instance_id, licenseKeyId: key.id },
      select: { id: true },
    });
    if (!instance) return { valid: false, code: 'LICENSE_KEY_INSTANCE_NOT_FOUND' };
  }
  return { valid: true, code: 'VALID' };
}
