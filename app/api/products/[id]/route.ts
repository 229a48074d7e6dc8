import { apiFailure, valueOrThrow } from '@/lib/http/api-failures';
import { apiRoute } from '@/lib/http/api-route';
import { parseOrThrow } from '@/lib/http/validate';
import { toApiProduct } from '@/lib/products/api';
import { apiUpdateProductSchema } from '@/lib/products/api-schema';
import { getProduct } from '@/lib/products/data';
import { setProductArchived, updateProduct } from '@/lib/products/data-write';
import { fail } from '@/lib/result';

type Params = { id: string };

/** Another business's product is as missing as one that never was. Archived products too are found. */
export const GET = apiRoute<Params>(
  { auth: 'api_key', permission: 'keys:view' },
  async ({ actor, params }) => {
    const product = await getProduct(actor!, params.id);
    if (!product) throw apiFailure(fail('PRODUCT_NOT_FOUND'));
    return { status: 200, body: toApiProduct(product) };
  },
);

/**
 * An absent field is kept. Dodo answers no body (the SDK's `update` resolves to void); Keydesk
 * answers the product as it is now, which the SDK ignores.
 */
export const PATCH = apiRoute<Params>(
  { auth: 'api_key', permission: 'products:edit' },
  async ({ actor, params, body }) => {
    const patch = parseOrThrow(apiUpdateProductSchema, body);
    valueOrThrow(await updateProduct(actor!, params.id, patch));
    const product = await getProduct(actor!, params.id);
    if (!product) throw apiFailure(fail('PRODUCT_NOT_FOUND'));
    return { status: 200, body: toApiProduct(product) };
  },
);

/**
 * Archives the product, as Dodo's DELETE does: it is no longer listed (unless `archived=true`) and
 * takes no new keys; its keys keep working. Archiving an archived product is not an error.
 */
export const DELETE = apiRoute<Params>(
  { auth: 'api_key', permission: 'products:archive' },
  async ({ actor, params }) => {
    valueOrThrow(await setProductArchived(actor!, params.id, true));
    return { status: 200, body: {} };
  },
);
