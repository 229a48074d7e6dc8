import { toApiCustomer } from '@/lib/customers/api';
import { apiUpdateCustomerSchema } from '@/lib/customers/api-schema';
import { getCustomer, updateCustomer } from '@/lib/customers/data';
import { apiFailure, valueOrThrow } from '@/lib/http/api-failures';
import { fail } from '@/lib/result';
import { apiRoute } from '@/lib/http/api-route';
import { parseOrThrow } from '@/lib/http/validate';

type Params = { id: string };

/** Another business's customer is as missing as one that never was. */
export const GET = apiRoute<Params>(
  { auth: 'api_key', permission: 'keys:view' },
  async ({ actor, params }) => {
    const customer = await getCustomer(actor!, params.id);
    if (!customer) throw apiFailure(fail('CUSTOMER_NOT_FOUND'));
    return { status: 200, body: toApiCustomer(customer) };
  },
);

/** Renames the customer or changes its email; an absent or null field is kept. */
export const PATCH = apiRoute<Params>(
  { auth: 'api_key', permission: 'customers:edit' },
  async ({ actor, params, body }) => {
    const patch = parseOrThrow(apiUpdateCustomerSchema, body);
    const customer = valueOrThrow(
      await updateCustomer(actor!, params.id, {
        name: patch.name ?? undefined,
        email: patch.email ?? undefined,
      }),
    );
    return { status: 200, body: toApiCustomer(customer) };
  },
);
