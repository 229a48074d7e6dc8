import { apiUpdateLicenseKeyInstanceSchema } from '@/lib/license-key-instances/api-schema';
import {
  getLicenseKeyInstanceForApi,
  renameLicenseKeyInstanceForApi,
} from '@/lib/license-key-instances/api';
import { apiRoute } from '@/lib/http/api-route';
import { parseOrThrow } from '@/lib/http/validate';

type Params = { id: string };

export const GET = apiRoute<Params>(
  { auth: 'api_key', permission: 'keys:view' },
  async ({ actor, params }) => ({
    status: 200,
    body: await getLicenseKeyInstanceForApi(actor!, params.id),
  }),
);

export const PATCH = apiRoute<Params>(
  { auth: 'api_key', permission: 'keys:disable' },
  async ({ actor, params, body }) => {
    const input = parseOrThrow(apiUpdateLicenseKeyInstanceSchema, body);
    return { status: 200, body: await renameLicenseKeyInstanceForApi(actor!, params.id, input) };
  },
);
