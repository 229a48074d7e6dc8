import { apiRoute } from '@/lib/http/api-route';
import { pageOf } from '@/lib/http/api-schema';
import { parseOrThrow, queryObject } from '@/lib/http/validate';
import { toApiProduct } from '@/lib/products/api';
import { apiListProductsQuerySchema } from '@/lib/products/api-schema';
import { listProducts } from '@/lib/products/data';

/**
 * Newest first, one page. No Keydesk product is archived or recurring, and the business is its
 * only brand, so those filters either keep every product or none.
 */
export const GET = apiRoute(
  { auth: 'api_key', permission: 'keys:view' },
  async ({ actor, url }) => {
    const query = parseOrThrow(apiListProductsQuerySchema, queryObject(url));
    const matchesNone =
      query.archived === true ||
      query.recurring === true ||
      (query.brand_id !== undefined && query.brand_id !== actor!.businessId);
    const products = matchesNone
      ? []
      : await listProducts(actor!, { order: 'newest', page: pageOf(query) });
    return { status: 200, body: { items: products.map(toApiProduct) } };
  },
);
