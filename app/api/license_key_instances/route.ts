import { apiRoute } from '@/lib/http/api-route';
import { pageOf } from '@/lib/http/api-schema';
import { parseOrThrow, queryObject } from '@/lib/http/validate';
import { toApiLicenseKeyInstance } from '@/lib/license-key-instances/api';
import { apiListLicenseKeyInstancesQuerySchema } from '@/lib/license-key-instances/api-schema';
import { listInstances } from '@/lib/license-key-instances/data';

/** This business's instances, newest first, optionally of one key; one page. */
export const GET = apiRoute(
  { auth: 'api_key', permission: 'keys:view' },
  async ({ actor, url }) => {
    const query = parseOrThrow(apiListLicenseKeyInstancesQuerySchema, queryObject(url));
    const instances = await listInstances(
      actor!,
      { licenseKeyId: query.license_key_id },
      pageOf(query),
    );
    return { status: 200, body: { items: instances.map(toApiLicenseKeyInstance) } };
  },
);
