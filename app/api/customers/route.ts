import { apiCreateCustomerSchema, apiListCustomersQuerySchema } from '@/lib/customers/api-schema';
import { createCustomerForApi, listCustomersForApi } from '@/lib/customers/api';
import { apiRoute } from '@/lib/http/api-route';
import { parseOrThrow, queryObject } from '@/lib/http/validate';

/** Find or create: 201 with a new customer, 200 with the business's customer of that email. */
export const POST = apiRoute(
  { auth: 'api_key', permission: 'customers:create', idempotent: true },
  async ({ actor, body }) => {
    const input = parseOrThrow(apiCreateCustomerSchema, body);
    const { created, customer } = await createCustomerForApi(actor!, input);
    return { status: created ? 201 : 200, body: customer };
  },
);

export const GET = apiRoute(
  { auth: 'api_key', permission: 'keys:view' },
  async ({ actor, url }) => {
    const query = parseOrThrow(apiListCustomersQuerySchema, queryObject(url));
    return { status: 200, body: await listCustomersForApi(actor!, query) };
  },
);
