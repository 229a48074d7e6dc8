import { apiValidateLicenseSchema } from '@/lib/licenses/api-schema';
import { enforceLicenseKeyRateLimit, validateLicenseForApi } from '@/lib/licenses/api';
import { apiRoute } from '@/lib/http/api-route';
import { parseOrThrow } from '@/lib/http/validate';

export const POST = apiRoute(
  { auth: 'public', rateLimitName: 'licenses' },
  async ({ body, secret }) => {
    const input = parseOrThrow(apiValidateLicenseSchema, body);
    secret(input.license_key);
    await enforceLicenseKeyRateLimit(input.license_key);
    return { status: 200, body: await validateLicenseForApi(input) };
  },
);
