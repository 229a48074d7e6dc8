import { valueOrThrow } from '@/lib/http/api-failures';
import { apiRoute } from '@/lib/http/api-route';
import { setProductArchived } from '@/lib/products/data-write';

type Params = { id: string };

/** Unarchives the product: listed again and takes new keys. Unarchiving one that is not archived is not an error. */
export const POST = apiRoute<Params>(
  { auth: 'api_key', permission: 'products:archive', idempotent: true },
  async ({ actor, params }) => {
    valueOrThrow(await setProductArchived(actor!, params.id, false));
    return { status: 200, body: {} };
  },
);
