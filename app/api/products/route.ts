import { apiListProductsQuerySchema } from '@/lib/products/api-schema';
import { listProductsForApi } from '@/lib/products/api';
import { apiRoute } from '@/lib/http/api-route';
import { parseOrThrow, queryObject } from '@/lib/http/validate';

export const GET = apiRoute(
  { auth: 'api_key', permission: 'keys:view' },
  async ({ actor, url }) => {
    const query = parseOrThrow(apiListProductsQuerySchema, queryObject(url));
    return { status: 200, body: await listProductsForApi(actor!, query) };
  },
);
