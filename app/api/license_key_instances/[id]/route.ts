import { apiRoute } from '@/lib/http/api-route';
import { apiFailure, valueOrThrow } from '@/lib/http/api-failures';
import { fail } from '@/lib/result';
import { parseOrThrow } from '@/lib/http/validate';
import { toApiLicenseKeyInstance } from '@/lib/license-key-instances/api';
import { apiUpdateLicenseKeyInstanceSchema } from '@/lib/license-key-instances/api-schema';
import { getInstance, renameInstance } from '@/lib/license-key-instances/data';

type Params = { id: string };

/** Another business's instance is as missing as one that never was. */
export const GET = apiRoute<Params>(
  { auth: 'api_key', permission: 'keys:view' },
  async ({ actor, params }) => {
    const instance = await getInstance(actor!, params.id);
    if (!instance) throw apiFailure(fail('LICENSE_KEY_INSTANCE_NOT_FOUND'));
    return { status: 200, body: toApiLicenseKeyInstance(instance) };
  },
);

/** Renames the instance. */
export const PATCH = apiRoute<Params>(
  { auth: 'api_key', permission: 'keys:edit' },
  async ({ actor, params, body }) => {
    const input = parseOrThrow(apiUpdateLicenseKeyInstanceSchema, body);
    const instance = valueOrThrow(await renameInstance(actor!, params.id, input.name));
    return { status: 200, body: toApiLicenseKeyInstance(instance) };
  },
);
