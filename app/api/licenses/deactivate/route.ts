import { apiRoute } from '@/lib/http/api-route';
import { valueOrThrow } from '@/lib/http/api-failures';
import { parseOrThrow } from '@/lib/http/validate';
import { apiDeactivateLicenseSchema } from '@/lib/licenses/api-schema';
import { deactivateLicenseKey } from '@/lib/licenses/data';

/**
 * Frees the instance's seat, whatever the key's status. Dodo answers 200; the SDK's `deactivate`
 * resolves to void and ignores the `{}`. 404 when the key or its instance does not exist.
 */
export const POST = apiRoute(
  { auth: 'public', rateLimitName: 'licenses', idempotent: true },
  async ({ requestId, body, secret, address }) => {
    const input = parseOrThrow(apiDeactivateLicenseSchema, body);
    secret(input.license_key);
    const holder = { requestId, address };
    valueOrThrow(
      await deactivateLicenseKey(input.license_key, input.license_key_instance_id, holder),
    );
    return { status: 200, body: {} };
  },
);
