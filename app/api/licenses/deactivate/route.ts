import { apiDeactivateLicenseSchema } from '@/lib/licenses/api-schema';
import { deactivateLicenseForApi, enforceLicenseKeyRateLimit } from '@/lib/licenses/api';
import { apiRoute } from '@/lib/http/api-route';
import { parseOrThrow } from '@/lib/http/validate';

// Dodo answers 200; the SDK's `deactivate` resolves to void and ignores the `{}`.
export const POST = apiRoute(
  { auth: 'public', rateLimitName: 'licenses', idempotent: true },
  async ({ body, secret }) => {
    const input = parseOrThrow(apiDeactivateLicenseSchema, body);
    secret(input.license_key);
    await enforceLicenseKeyRateLimit(input.license_key);
    await deactivateLicenseForApi(input);
    return { status: 200, body: {} };
  },
);
