import type { ApiCustomer } from './api-schema';
import type { Customer } from './data';

/** A customer as Dodo's API shows it. Keydesk keeps no phone numbers and no metadata. */
export function toApiCustomer(customer: Customer): ApiCustomer {
  return {
    customer_id: customer.id,
    business_id: customer.businessId,
    name: customer.name,
    email: customer.email,
    phone_number: null,
    metadata: {},
    created_at: customer.createdAt.toISOString(),
  };
}
