import type { querySchemas, requestSchemas, responseSchemas } from './openapi-components';

// The operations of the REST API, as ./openapi.ts documents them: one entry per method and path,
// naming its schemas (./openapi-components.ts) and the errors of its own. The errors every operation
// of a kind can answer (401 with an API key, 422 with a body…) follow from its options there.
// No server imports: the docs page and GET /api/openapi.json both render the document.

export type ApiOperation = {
  method: 'get' | 'post' | 'patch';
  path: string;
  operationId: string;
  tag: (typeof TAGS)[number]['name'];
  summary: string;
  description: string;
  /** `api_key`: a bearer API key of the business; `public`: no API key (shipped software). */
  auth: 'api_key' | 'public';
  /** What kind of API key: `read` (read-only or write) or `write` (a read-only key gets 403). */
  access?: 'read' | 'write';
  idempotent?: boolean;
  rateLimited?: boolean;
  pathParameter?: { name: string; description: string };
  query?: keyof typeof querySchemas;
  body?: keyof typeof requestSchemas;
  success: { status: number; description: string; schema: keyof typeof responseSchemas }[];
  /** Errors of this operation beyond those its options imply: [status, code, when]. */
  errors?: [number, string, string][];
};

export const TAGS = [
  { name: 'License keys', description: 'Issue, import, find and change license keys.' },
  { name: 'License key instances', description: 'The activations of license keys.' },
  {
    name: 'Licenses',
    description: 'What shipped software calls with a license key, without an API key.',
  },
  { name: 'Customers', description: 'The people license keys belong to.' },
  { name: 'Products', description: 'What license keys unlock, and the terms new keys get.' },
  { name: 'Service', description: 'Health and this document.' },
] as const;

const keyId = { name: 'id', description: 'The license key id (lic_…).' };
const instanceId = { name: 'id', description: 'The instance id (lki_…).' };
const licenseKeyNotFound: [number, string, string] = [
  404,
  'LICENSE_KEY_NOT_FOUND',
  'No license key with this id in your business.',
];

export const API_OPERATIONS: ApiOperation[] = [
  {
    method: 'post',
    path: '/license_keys',
    operationId: 'create_license_key',
    tag: 'License keys',
    summary: 'Import a license key',
    description:
      'Stores the key you send (source `import`) for a customer and a product of your business. Keys are unique across Keydesk.',
    auth: 'api_key',
    access: 'write',
    idempotent: true,
    body: 'CreateLicenseKeyRequest',
    success: [{ status: 201, description: 'The license key.', schema: 'LicenseKey' }],
    errors: [
      [404, 'CUSTOMER_NOT_FOUND', 'No customer with customer_id in your business.'],
      [404, 'PRODUCT_NOT_FOUND', 'No product with product_id in your business.'],
      [409, 'LICENSE_KEY_ALREADY_EXISTS', 'A license key with this key already exists.'],
    ],
  },
  {
    method: 'get',
    path: '/license_keys',
    operationId: 'list_license_keys',
    tag: 'License keys',
    summary: 'List license keys',
    description: 'Newest first. Whole keys are shown: treat answers as secrets.',
    auth: 'api_key',
    access: 'read',
    query: 'ListLicenseKeysQuery',
    success: [{ status: 200, description: 'One page of license keys.', schema: 'LicenseKeyList' }],
  },
  {
    method: 'get',
    path: '/license_keys/{id}',
    operationId: 'get_license_key',
    tag: 'License keys',
    summary: 'Get a license key',
    description: "A key of another business answers 404, as a key that doesn't exist.",
    auth: 'api_key',
    access: 'read',
    pathParameter: keyId,
    success: [{ status: 200, description: 'The license key.', schema: 'LicenseKey' }],
    errors: [licenseKeyNotFound],
  },
  {
    method: 'patch',
    path: '/license_keys/{id}',
    operationId: 'update_license_key',
    tag: 'License keys',
    summary: 'Update a license key',
    description:
      'Changes the activations limit, the expiry, or disables or enables the key. An absent field is kept; null clears a limit or an expiry.',
    auth: 'api_key',
    access: 'write',
    pathParameter: keyId,
    body: 'UpdateLicenseKeyRequest',
    success: [{ status: 200, description: 'The updated license key.', schema: 'LicenseKey' }],
    errors: [
      licenseKeyNotFound,
      [
        422,
        'ACTIVATION_LIMIT_LESS_THAN_CURRENT_AMOUNT',
        'The new activations limit is below the activations in use.',
      ],
    ],
  },
  {
    method: 'get',
    path: '/license_key_instances',
    operationId: 'list_license_key_instances',
    tag: 'License key instances',
    summary: 'List license key instances',
    description: 'Newest first; optionally the instances of one license key.',
    auth: 'api_key',
    access: 'read',
    query: 'ListLicenseKeyInstancesQuery',
    success: [
      { status: 200, description: 'One page of instances.', schema: 'LicenseKeyInstanceList' },
    ],
  },
  {
    method: 'get',
    path: '/license_key_instances/{id}',
    operationId: 'get_license_key_instance',
    tag: 'License key instances',
    summary: 'Get a license key instance',
    description: "An instance of another business answers 404, as one that doesn't exist.",
    auth: 'api_key',
    access: 'read',
    pathParameter: instanceId,
    success: [{ status: 200, description: 'The instance.', schema: 'LicenseKeyInstance' }],
    errors: [[404, 'LICENSE_KEY_INSTANCE_NOT_FOUND', 'No instance with this id in your business.']],
  },
  {
    method: 'patch',
    path: '/license_key_instances/{id}',
    operationId: 'update_license_key_instance',
    tag: 'License key instances',
    summary: 'Rename a license key instance',
    description: 'Changes the name the instance was activated with.',
    auth: 'api_key',
    access: 'write',
    pathParameter: instanceId,
    body: 'UpdateLicenseKeyInstanceRequest',
    success: [{ status: 200, description: 'The renamed instance.', schema: 'LicenseKeyInstance' }],
    errors: [[404, 'LICENSE_KEY_INSTANCE_NOT_FOUND', 'No instance with this id in your business.']],
  },
  {
    method: 'post',
    path: '/licenses/activate',
    operationId: 'activate_license',
    tag: 'Licenses',
    summary: 'Activate a license key',
    description:
      'Takes one of the key’s activations for an instance (a machine, a seat) called `name`. Atomic: concurrent activations never exceed the limit.',
    auth: 'public',
    idempotent: true,
    rateLimited: true,
    body: 'ActivateLicenseRequest',
    success: [
      {
        status: 201,
        description: 'The new instance, with the key’s customer and product.',
        schema: 'ActivateLicenseResponse',
      },
    ],
    errors: [
      [403, 'INACTIVE_LICENSE_KEY', 'The key is disabled or has expired.'],
      [404, 'LICENSE_KEY_NOT_FOUND', 'No such license key.'],
      [422, 'LICENSE_KEY_LIMIT_REACHED', 'Every activation of the key is in use.'],
    ],
  },
  {
    method: 'post',
    path: '/licenses/deactivate',
    operationId: 'deactivate_license',
    tag: 'Licenses',
    summary: 'Deactivate a license key instance',
    description:
      'Frees the instance’s activation, whatever the key’s status. The answer is an empty object.',
    auth: 'public',
    idempotent: true,
    rateLimited: true,
    body: 'DeactivateLicenseRequest',
    success: [{ status: 200, description: 'Deactivated.', schema: 'DeactivateLicenseResponse' }],
    errors: [
      [404, 'LICENSE_KEY_NOT_FOUND', 'No such license key.'],
      [404, 'LICENSE_KEY_INSTANCE_NOT_FOUND', 'No instance with this id on this key.'],
    ],
  },
  {
    method: 'post',
    path: '/licenses/validate',
    operationId: 'validate_license',
    tag: 'Licenses',
    summary: 'Validate a license key',
    description:
      'Answers 200 for every key, known or not: `valid` says whether it may be used (and, with an instance id, whether that instance is activated on it); `code` says why not.',
    auth: 'public',
    rateLimited: true,
    body: 'ValidateLicenseRequest',
    success: [{ status: 200, description: 'The verdict.', schema: 'ValidateLicenseResponse' }],
  },
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
  {
    method: 'get',
    path: '/health',
    operationId: 'get_health',
    tag: 'Service',
    summary: 'Health check',
    description: 'A constant answer, for load balancers. Touches no database.',
    auth: 'public',
    success: [{ status: 200, description: 'Up.', schema: 'HealthResponse' }],
  },
  {
    method: 'get',
    path: '/openapi.json',
    operationId: 'get_openapi_document',
    tag: 'Service',
    summary: 'This OpenAPI document',
    description:
      'The OpenAPI 3.1 description of this API, generated from the schemas it validates with.',
    auth: 'public',
    success: [{ status: 200, description: 'The document.', schema: 'OpenApiDocument' }],
  },
];
