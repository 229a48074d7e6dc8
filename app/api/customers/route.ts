import { toApiCustomer } from '@/lib/customers/api';
import { apiCreateCustomerSchema, apiListCustomersQuerySchema } from '@/lib/customers/api-schema';
import { findOrCreateCustomer, listCustomers } from '@/lib/customers/data';
import { apiRoute } from '@/lib/http/api-route';
import { createdRangeOf, pageOf } from '@/lib/http/api-schema';
import { parseOrThrow, queryObject } from '@/lib/http/validate';

/**
 * Find or create by email: 201 with a new customer, 200 with the business's customer of that
 * email (answered unchanged: the name sent is not applied).
 */
export const POST = apiRoute(
  { auth: 'api_key', permission: 'customers:create', idempotent: true },
  async ({ actor, body }) => {
    const input = parseOrThrow(apiCreateCustomerSchema, body);
    const { created, customer } = await findOrCreateCustomer(actor!, {
      name: input.name,
      email: input.email,
    });
    return { status: created ? 201 : 200, body: toApiCustomer(customer) };
  },
);

/** Newest first, filtered, one page. */
export const GET = apiRoute(
  { auth: 'api_key', permission: 'keys:view' },
  async ({ actor, url }) => {
    const query = parseOrThrow(apiListCustomersQuerySchema, queryObject(url));
    const customers = await listCustomers(
      actor!,
      {
        email: query.email,
        name: query.name,
        ...createdRangeOf(query),
      },
      pageOf(query),
    );
    return { status: 200, body: { items: customers.map(toApiCustomer) } };
  },
);
