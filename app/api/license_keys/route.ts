import { actorCan } from '@/lib/auth/authorize';
import { apiRoute } from '@/lib/http/api-route';
import { createdRangeOf, pageOf } from '@/lib/http/api-schema';
import { valueOrThrow } from '@/lib/http/api-failures';
import { parseOrThrow, queryObject } from '@/lib/http/validate';
import { toApiLicenseKey } from '@/lib/license-keys/api';
import {
  apiCreateLicenseKeySchema,
  apiListLicenseKeysQuerySchema,
} from '@/lib/license-keys/api-schema';
import { createLicenseKey } from '@/lib/license-keys/data';
import { listLicenseKeyRecords } from '@/lib/license-keys/data-read';

/** Imports a key: 201, 404 for a customer or product not of this business, 409 for a taken key. */
export const POST = apiRoute(
  { auth: 'api_key', permission: 'keys:issue', idempotent: true },
  async ({ actor, body }) => {
    const input = parseOrThrow(apiCreateLicenseKeySchema, body);
    const key = valueOrThrow(await createLicenseKey(actor!, input));
    return { status: 201, body: toApiLicenseKey(key, { reveal: true }) };
  },
);

/** Newest first, filtered, one page. */
export const GET = apiRoute(
  { auth: 'api_key', permission: 'keys:view' },
  async ({ actor, url }) => {
    const query = parseOrThrow(apiListLicenseKeysQuerySchema, queryObject(url));
    const keys = await listLicenseKeyRecords(
      actor!,
      {
        customerId: query.customer_id,
        productId: query.product_id,
        status: query.status,
        source: query.source,
        ...createdRangeOf(query),
      },
      pageOf(query),
    );
    const reveal = actorCan(actor!, 'keys:reveal');
    return { status: 200, body: { items: keys.map((key) => toApiLicenseKey(key, { reveal })) } };
  },
);
