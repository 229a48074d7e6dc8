import type { ApiOperation } from './openapi-operations';

// The operations of the Licenses tag (./openapi-operations.ts): what shipped software calls with a
// license key alone, without an API key.

export const LICENSE_OPERATIONS: ApiOperation[] = [
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
];
