import { apiActivateLicenseSchema } from '@/lib/licenses/api-schema';
import { activateLicenseForApi, enforceLicenseKeyRateLimit } from '@/lib/licenses/api';
import { apiRoute } from '@/lib/http/api-route';
import { parseOrThrow } from '@/lib/http/validate';

export const POST = apiRoute(
  { auth: 'public', rateLimitName: 'licenses', idempotent: true },
  async ({ body, secret }) => {
    const input = parseOrThrow(apiActivateLicenseSchema, body);
    secret(input.license_key);
    await enforceLicenseKeyRateLimit(input.license_key);
    return { status: 201, body: await activateLicenseForApi(input) };
  },
);
