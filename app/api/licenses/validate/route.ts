import { apiRoute } from '@/lib/http/api-route';
import { parseOrThrow } from '@/lib/http/validate';
import { apiValidateLicenseSchema } from '@/lib/licenses/api-schema';
import { validateLicenseKey } from '@/lib/licenses/data';

/** Always 200: `valid`, and Keydesk's `code` saying why not. Reads only. */
export const POST = apiRoute(
  { auth: 'public', rateLimitName: 'licenses' },
  async ({ body, secret }) => {
    const input = parseOrThrow(apiValidateLicenseSchema, body);
    secret(input.license_key);
    const code = await validateLicenseKey(
      input.license_key,
      input.license_key_instance_id ?? undefined,
    );
    return { status: 200, body: { valid: code === 'VALID', code } };
  },
);
