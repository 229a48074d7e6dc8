import { apiListLicenseKeyInstancesQuerySchema } from '@/lib/license-key-instances/api-schema';
import { listLicenseKeyInstancesForApi } from '@/lib/license-key-instances/api';
import { apiRoute } from '@/lib/http/api-route';
import { parseOrThrow, queryObject } from '@/lib/http/validate';

export const GET = apiRoute(
  { auth: 'api_key', permission: 'keys:view' },
  async ({ actor, url }) => {
    const query = parseOrThrow(apiListLicenseKeyInstancesQuerySchema, queryObject(url));
    return { status: 200, body: await listLicenseKeyInstancesForApi(actor!, query) };
  },
);
