import { toApiCustomer } from '@/lib/customers/api';
import { getCustomer } from '@/lib/customers/data';
import { apiFailure } from '@/lib/http/api-failures';
import { apiRoute } from '@/lib/http/api-route';

type Params = { id: string };

/** Another business's customer is as missing as one that never was. */
export const GET = apiRoute<Params>(
  { auth: 'api_key', permission: 'keys:view' },
  async ({ actor, params }) => {
    const customer = await getCustomer(actor!, params.id);
    if (!customer) throw apiFailure({ ok: false, code: 'CUSTOMER_NOT_FOUND' });
    return { status: 200, body: toApiCustomer(customer) };
  },
);
