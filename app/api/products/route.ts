import { apiRoute } from '@/lib/http/api-route';
import { pageOf } from '@/lib/http/api-schema';
import { parseOrThrow, queryObject } from '@/lib/http/validate';
import { toApiProduct } from '@/lib/products/api';
import { apiCreateProductSchema, apiListProductsQuerySchema } from '@/lib/products/api-schema';
import { listProducts } from '@/lib/products/data';
import { createProduct } from '@/lib/products/data-write';

/** Creates a product: 201. Dodo's price and tax_category are checked and not stored. */
export const POST = apiRoute(
  { auth: 'api_key', permission: 'products:create', idempotent: true },
  async ({ actor, body }) => {
    const input = parseOrThrow(apiCreateProductSchema, body);
    return { status: 201, body: toApiProduct(await createProduct(actor!, input)) };
  },
);

/**
 * Newest first, one page: the products that are not archived, or with `archived=true` those that
 * are, as Dodo lists them. No Keydesk product is recurring, and the business is its only brand, so
 * those filters either keep every product or none.
 */
export const GET = apiRoute(
  { auth: 'api_key', permission: 'keys:view' },
  async ({ actor, url }) => {
    const query = parseOrThrow(apiListProductsQuerySchema, queryObject(url));
    const matchesNone =
      query.recurring === true ||
      (query.brand_id !== undefined && query.brand_id !== actor!.businessId);
    const products = matchesNone
      ? []
      : await listProducts(actor!, {
          order: 'newest',
          page: pageOf(query),
          archived: query.archived ?? false,
        });
    return { status: 200, body: { items: products.map(toApiProduct) } };
  },
);
