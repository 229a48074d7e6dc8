import { apiFailure } from '@/lib/http/api-failures';
import { fail } from '@/lib/result';
import { apiRoute } from '@/lib/http/api-route';
import { toApiProduct } from '@/lib/products/api';
import { getProduct } from '@/lib/products/data';

type Params = { id: string };

/** Another business's product is as missing as one that never was. */
export const GET = apiRoute<Params>(
  { auth: 'api_key', permission: 'keys:view' },
  async ({ actor, params }) => {
    const product = await getProduct(actor!, params.id);
    if (!product) throw apiFailure(fail('PRODUCT_NOT_FOUND'));
    return { status: 200, body: toApiProduct(product) };
  },
);
