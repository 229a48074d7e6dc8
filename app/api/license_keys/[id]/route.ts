import { actorCan } from '@/lib/auth/authorize';
import { apiRoute } from '@/lib/http/api-route';
import { apiFailure, valueOrThrow } from '@/lib/http/api-failures';
import { fail } from '@/lib/result';
import { parseOrThrow } from '@/lib/http/validate';
import { toApiLicenseKey } from '@/lib/license-keys/api';
import { apiUpdateLicenseKeySchema } from '@/lib/license-keys/api-schema';
import { updateLicenseKey } from '@/lib/license-keys/data';
import { getLicenseKey } from '@/lib/license-keys/data-read';

type Params = { id: string };

export const GET = apiRoute<Params>(
  { auth: 'api_key', permission: 'keys:view' },
  async ({ actor, params }) => {
    const key = await getLicenseKey(actor!, params.id);
    if (!key) throw apiFailure(fail('LICENSE_KEY_NOT_FOUND'));
    return { status: 200, body: toApiLicenseKey(key, { reveal: actorCan(actor!, 'keys:reveal') }) };
  },
);

/** An absent field is kept; null clears the limit or the expiry. */
export const PATCH = apiRoute<Params>(
  { auth: 'api_key', permission: 'keys:edit' },
  async ({ actor, params, body }) => {
    const patch = parseOrThrow(apiUpdateLicenseKeySchema, body);
    const key = valueOrThrow(
      await updateLicenseKey(actor!, params.id, {
        activationsLimit: patch.activations_limit,
        expiresAt: patch.expires_at,
        disabled: patch.disabled ?? undefined,
      }),
    );
    return { status: 200, body: toApiLicenseKey(key, { reveal: true }) };
  },
);
