import { apiUpdateLicenseKeySchema } from '@/lib/license-keys/api-schema';
import { getLicenseKeyForApi, updateLicenseKeyForApi } from '@/lib/license-keys/api';
import { apiRoute } from '@/lib/http/api-route';
import { parseOrThrow } from '@/lib/http/validate';

type Params = { id: string };

export const GET = apiRoute<Params>(
  { auth: 'api_key', permission: 'keys:view' },
  async ({ actor, params }) => ({
    status: 200,
    body: await getLicenseKeyForApi(actor!, params.id),
  }),
);

export const PATCH = apiRoute<Params>(
  { auth: 'api_key', permission: 'keys:disable' },
  async ({ actor, params, body }) => {
    const patch = parseOrThrow(apiUpdateLicenseKeySchema, body);
    return { status: 200, body: await updateLicenseKeyForApi(actor!, params.id, patch) };
  },
);
