import type { ApiOperation } from './openapi-operations';

// The operations of the License keys and License key instances tags (./openapi-operations.ts).

const keyId = { name: 'id', description: 'The license key id (lic_…).' };
const instanceId = { name: 'id', description: 'The instance id (lki_…).' };
const licenseKeyNotFound: [number, string, string] = [
  404,
  'LICENSE_KEY_NOT_FOUND',
  'No license key with this id in your business.',
];

export const LICENSE_KEY_OPERATIONS: ApiOperation[] = [
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
      [422, 'PRODUCT_ARCHIVED', 'The product is archived: it takes no new keys until unarchived.'],
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
];
