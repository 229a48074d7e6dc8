import { toApiLicenseKeyInstance } from '@/lib/license-key-instances/api';
import type { ApiActivateLicenseResponse } from './api-schema';
import type { Activation } from './data';

// The public license endpoints' answers, in Dodo's snake_case.

/** POST /licenses/activate: the instance, with its key's customer and product. */
export function toApiActivation(activation: Activation): ApiActivateLicenseResponse {
  const { instance, customer, product } = activation;
  return {
    ...toApiLicenseKeyInstance(instance),
    customer: { customer_id: customer.id, name: customer.name, email: customer.email },
    product: { product_id: product.id, name: product.name },
  };
}
