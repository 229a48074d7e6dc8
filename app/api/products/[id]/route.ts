import { getProductForApi } from '@/lib/products/api';
import { apiRoute } from '@/lib/http/api-route';

type Params = { id: string };

export const GET = apiRoute<Params>(
  { auth: 'api_key', permission: 'keys:view' },
  async ({ actor, params }) => ({
    status: 200,
    body: await getProductForApi(actor!, params.id),
  }),
);
