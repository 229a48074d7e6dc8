import {
  apiCreateLicenseKeySchema,
  apiListLicenseKeysQuerySchema,
} from '@/lib/license-keys/api-schema';
import { createLicenseKeyForApi, listLicenseKeysForApi } from '@/lib/license-keys/api';
import { apiRoute } from '@/lib/http/api-route';
import { parseOrThrow, queryObject } from '@/lib/http/validate';

export const POST = apiRoute(
  { auth: 'api_key', permission: 'keys:issue', idempotent: true },
  async ({ actor, body }) => {
    const input = parseOrThrow(apiCreateLicenseKeySchema, body);
    return { status: 201, body: await createLicenseKeyForApi(actor!, input) };
  },
);

export const GET = apiRoute(
  { auth: 'api_key', permission: 'keys:view' },
  async ({ actor, url }) => {
    const query = parseOrThrow(apiListLicenseKeysQuerySchema, queryObject(url));
    return { status: 200, body: await listLicenseKeysForApi(actor!, query) };
  },
);
