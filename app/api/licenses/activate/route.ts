import { apiRoute } from '@/lib/http/api-route';
import { valueOrThrow } from '@/lib/http/api-failures';
import { parseOrThrow } from '@/lib/http/validate';
import { toApiActivation } from '@/lib/licenses/api';
import { apiActivateLicenseSchema } from '@/lib/licenses/api-schema';
import { activateLicenseKey } from '@/lib/licenses/data';

/** Takes a seat (atomically) and names the instance: 201, or 404 / 403 / 422. */
export const POST = apiRoute(
  { auth: 'public', rateLimitName: 'licenses', idempotent: true },
  async ({ requestId, body, secret, address }) => {
    const input = parseOrThrow(apiActivateLicenseSchema, body);
    secret(input.license_key);
    const holder = { requestId, address };
    const activation = valueOrThrow(
      await activateLicenseKey(input.license_key, input.name, holder),
    );
    return { status: 201, body: toApiActivation(activation) };
  },
);
