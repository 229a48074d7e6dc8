import type { ApiOperation } from './openapi-operations';

// The operations of the Customers and Products tags (./openapi-operations.ts).

export const CUSTOMER_AND_PRODUCT_OPERATIONS: ApiOperation[] = [
  {
    method: 'post',
    path: '/customers',
    operationId: 'create_customer',
    tag: 'Customers',
    summary: 'Create a customer (or find one by email)',
    description:
      'Find or create: when your business already has a customer with this email (in any letter case), that customer is answered with 200 and left unchanged, so scripts can call this for every buyer without listing first. phone_number and metadata are accepted for compatibility with Dodo Payments and not stored.',
    auth: 'api_key',
    access: 'write',
    idempotent: true,
    body: 'CreateCustomerRequest',
    success: [
      { status: 201, description: 'Created: the new customer.', schema: 'Customer' },
      {
        status: 200,
        description: 'Found: the existing customer with this email, unchanged.',
        schema: 'Customer',
      },
    ],
  },
  {
    method: 'get',
    path: '/customers',
    operationId: 'list_customers',
    tag: 'Customers',
    summary: 'List customers',
    description: 'Newest first; filtered by email, part of the name or creation time.',
    auth: 'api_key',
    access: 'read',
    query: 'ListCustomersQuery',
    success: [{ status: 200, description: 'One page of customers.', schema: 'CustomerList' }],
  },
  {
    method: 'get',
    path: '/customers/{customer_id}',
    operationId: 'get_customer',
    tag: 'Customers',
    summary: 'Get a customer',
    description: "A customer of another business answers 404, as one that doesn't exist.",
    auth: 'api_key',
    access: 'read',
    pathParameter: { name: 'customer_id', description: 'The customer id (cus_…).' },
    success: [{ status: 200, description: 'The customer.', schema: 'Customer' }],
    errors: [[404, 'CUSTOMER_NOT_FOUND', 'No customer with this id in your business.']],
  },
  {
    method: 'get',
    path: '/products',
    operationId: 'list_products',
    tag: 'Products',
    summary: 'List products',
    description:
      'Newest first. Keydesk products carry license-key terms only; see the Product schema for the Dodo Payments fields they lack.',
    auth: 'api_key',
    access: 'read',
    query: 'ListProductsQuery',
    success: [{ status: 200, description: 'One page of products.', schema: 'ProductList' }],
  },
  {
    method: 'get',
    path: '/products/{id}',
    operationId: 'get_product',
    tag: 'Products',
    summary: 'Get a product',
    description: "A product of another business answers 404, as one that doesn't exist.",
    auth: 'api_key',
    access: 'read',
    pathParameter: { name: 'id', description: 'The product id (pdt_…).' },
    success: [{ status: 200, description: 'The product.', schema: 'Product' }],
    errors: [[404, 'PRODUCT_NOT_FOUND', 'No product with this id in your business.']],
  },
];
