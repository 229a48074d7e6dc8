import { z } from 'zod';
import {
  apiCreateCustomerSchema,
  apiCustomerListSchema,
  apiCustomerSchema,
  apiListCustomersQuerySchema,
} from '@/lib/customers/api-schema';
import {
  apiLicenseKeyInstanceListSchema,
  apiLicenseKeyInstanceSchema,
  apiListLicenseKeyInstancesQuerySchema,
  apiUpdateLicenseKeyInstanceSchema,
} from '@/lib/license-key-instances/api-schema';
import {
  apiCreateLicenseKeySchema,
  apiLicenseKeyListSchema,
  apiLicenseKeySchema,
  apiListLicenseKeysQuerySchema,
  apiUpdateLicenseKeySchema,
} from '@/lib/license-keys/api-schema';
import {
  apiActivateLicenseResponseSchema,
  apiActivateLicenseSchema,
  apiDeactivateLicenseResponseSchema,
  apiDeactivateLicenseSchema,
  apiValidateLicenseResponseSchema,
  apiValidateLicenseSchema,
} from '@/lib/licenses/api-schema';
import {
  apiListProductsQuerySchema,
  apiProductListSchema,
  apiProductSchema,
} from '@/lib/products/api-schema';

// The OpenAPI 3.1 document of the REST API, generated from the Zod schemas the route handlers parse
// bodies and queries with (io: 'input') and the serializers' answer schemas (io: 'output').
// No server imports: the docs page and GET /api/openapi.json both render it.

export type JsonSchema = { [key: string]: unknown };

/** `{ code, message }`, plus `errors` by field on a 422 from validation. */
const apiErrorBodySchema = z.object({
  code: z.string().meta({ description: 'Stable, machine-readable: switch on this.' }),
  message: z.string().meta({ description: 'For people; may change.' }),
  errors: z
    .record(z.string(), z.array(z.string()))
    .optional()
    .meta({ description: 'On a 422 from validation: messages by field (nested fields dotted).' }),
});

/** Answers: what the serializers return. */
const responseSchemas = {
  LicenseKey: apiLicenseKeySchema,
  LicenseKeyList: apiLicenseKeyListSchema,
  LicenseKeyInstance: apiLicenseKeyInstanceSchema,
  LicenseKeyInstanceList: apiLicenseKeyInstanceListSchema,
  ActivateLicenseResponse: apiActivateLicenseResponseSchema,
  DeactivateLicenseResponse: apiDeactivateLicenseResponseSchema,
  ValidateLicenseResponse: apiValidateLicenseResponseSchema,
  Customer: apiCustomerSchema,
  CustomerList: apiCustomerListSchema,
  Product: apiProductSchema,
  ProductList: apiProductListSchema,
  Error: apiErrorBodySchema,
  HealthResponse: z.object({ status: z.literal('ok') }),
  OpenApiDocument: z
    .object({ openapi: z.literal('3.1.0'), info: z.object({}), paths: z.object({}) })
    .meta({ description: 'This document.' }),
} satisfies Record<string, z.ZodType>;

/** Request bodies: what the route handlers accept. */
const requestSchemas = {
  CreateLicenseKeyRequest: apiCreateLicenseKeySchema,
  UpdateLicenseKeyRequest: apiUpdateLicenseKeySchema,
  UpdateLicenseKeyInstanceRequest: apiUpdateLicenseKeyInstanceSchema,
  ActivateLicenseRequest: apiActivateLicenseSchema,
  DeactivateLicenseRequest: apiDeactivateLicenseSchema,
  ValidateLicenseRequest: apiValidateLicenseSchema,
  CreateCustomerRequest: apiCreateCustomerSchema,
} satisfies Record<string, z.ZodType>;

/** Query strings of the list endpoints, one parameter per field. */
const querySchemas = {
  ListLicenseKeysQuery: apiListLicenseKeysQuerySchema,
  ListLicenseKeyInstancesQuery: apiListLicenseKeyInstancesQuerySchema,
  ListCustomersQuery: apiListCustomersQuerySchema,
  ListProductsQuery: apiListProductsQuerySchema,
} satisfies Record<string, z.ZodType>;

type ApiOperation = {
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

const TAGS = [
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

const API_OPERATIONS: ApiOperation[] = [
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

const API_DESCRIPTION = [
  'The REST API of Keydesk, compatible with the license-key endpoints of the Dodo Payments API: the official `dodopayments` SDK works against it with `baseURL` set to this server’s `/api`.',
  'Authenticate with an API key of your business (Settings → API keys) as `Authorization: Bearer kd_live_…`; a read-only key may only read. The /licenses endpoints are public: shipped software calls them with the license key alone.',
  'Lists take `page_number` (from 0) and `page_size` (1 to 100, default 10) and answer `{ "items": [...] }`, newest first.',
  'Errors answer `{ "code", "message" }`; every answer carries `x-request-id`.',
].join('\n\n');

/** The OpenAPI 3.1 document of /api. Pure: the same document every time. */
export function buildOpenApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of API_OPERATIONS) {
    (paths[operation.path] ??= {})[operation.method] = buildOperation(operation);
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Keydesk API', version: '1.0.0', description: API_DESCRIPTION },
    servers: [{ url: '/api', description: 'This Keydesk server.' }],
    security: [{ bearerAuth: [] }],
    tags: TAGS.map((tag) => ({ ...tag })),
    paths,
    components: {
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description:
            'An API key of your business (Settings → API keys), e.g. `Authorization: Bearer kd_live_…`.',
        },
      },
      parameters: {
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description:
            'Any unique string (a UUID). For 24 hours, the same key with the same request replays the first answer (with `Idempotent-Replayed: true`) instead of doing it again; with a different request it is refused (422).',
          schema: { type: 'string', minLength: 1, maxLength: 255 },
        },
      },
      headers: {
        RequestId: {
          description: 'Identifies this request in Keydesk’s logs: quote it to support.',
          schema: { type: 'string' },
        },
        RetryAfter: {
          description: 'Seconds to wait before trying again.',
          schema: { type: 'integer', minimum: 1 },
        },
        IdempotentReplayed: {
          description:
            '`true` when the answer is a replay of an earlier request with the same Idempotency-Key.',
          schema: { type: 'string', enum: ['true'] },
        },
      },
      schemas: {
        ...componentSchemas(requestSchemas, 'input'),
        ...componentSchemas(responseSchemas, 'output'),
      },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;

const REF_PREFIX = '#/components/schemas/';

/** One Zod registry per direction: schemas registered there become components, and $refs elsewhere. */
function componentSchemas(schemas: Record<string, z.ZodType>, io: 'input' | 'output') {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id });
  const { schemas: generated } = z.toJSONSchema(registry, {
    io,
    target: 'draft-2020-12',
    uri: (id) => `${REF_PREFIX}${id}`,
  });
  return Object.fromEntries(
    Object.entries(generated).map(([id, schema]) => [id, tidy(schema, io)]),
  ) as Record<string, JsonSchema>;
}

const SAFE_INTEGER_BOUNDS = new Set([Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER]);

/**
 * Removes what only adds noise to a document: per-schema `$schema`/`$id` (the document's dialect
 * is 3.1's), the long date-time regex next to `format: date-time`, the safe-integer bounds every
 * `.int()` carries, and, in answers, `additionalProperties: false` (answers may gain fields).
 */
function tidy(value: unknown, io: 'input' | 'output'): unknown {
  if (Array.isArray(value)) return value.map((item) => tidy(item, io));
  if (!value || typeof value !== 'object') return value;
  const result: JsonSchema = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === '$schema' || key === '$id') continue;
    if (key === 'pattern' && (value as JsonSchema).format === 'date-time') continue;
    if ((key === 'maximum' || key === 'minimum') && SAFE_INTEGER_BOUNDS.has(child as number)) {
      continue;
    }
    if (key === 'additionalProperties' && child === false && io === 'output') continue;
    result[key] = tidy(child, io);
  }
  return result;
}

/** The parameters of a query schema: its properties, in declaration order. */
function queryParameters(name: keyof typeof querySchemas) {
  const schema = tidy(z.toJSONSchema(querySchemas[name], { io: 'input' }), 'input') as {
    properties: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(schema.properties).map(([param, { description, ...rest }]) => ({
    name: param,
    in: 'query',
    required: schema.required?.includes(param) ?? false,
    ...(description ? { description } : {}),
    schema: rest,
  }));
}

const ref = (name: string) => ({ $ref: `${REF_PREFIX}${name}` });

function jsonContent(schema: JsonSchema) {
  return { 'application/json': { schema } };
}

const requestIdHeader = { 'x-request-id': { $ref: '#/components/headers/RequestId' } };

function buildOperation(operation: ApiOperation) {
  const parameters = [
    ...(operation.pathParameter
      ? [
          {
            name: operation.pathParameter.name,
            in: 'path',
            required: true,
            description: operation.pathParameter.description,
            schema: { type: 'string' },
          },
        ]
      : []),
    ...(operation.query ? queryParameters(operation.query) : []),
    ...(operation.idempotent ? [{ $ref: '#/components/parameters/IdempotencyKey' }] : []),
  ];
  const successHeaders = {
    ...requestIdHeader,
    ...(operation.idempotent
      ? { 'Idempotent-Replayed': { $ref: '#/components/headers/IdempotentReplayed' } }
      : {}),
  };
  const responses: Record<string, unknown> = {};
  for (const success of operation.success) {
    responses[String(success.status)] = {
      description: success.description,
      headers: successHeaders,
      content: jsonContent(ref(success.schema)),
    };
  }
  for (const [status, codes] of Object.entries(errorsOf(operation))) {
    responses[status] = {
      description: codes.map(({ code, text }) => `${code}: ${text}`).join('\n'),
      headers: {
        ...requestIdHeader,
        ...(status === '429' ? { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } } : {}),
      },
      content: jsonContent(ref('Error')),
    };
  }
  return {
    operationId: operation.operationId,
    tags: [operation.tag],
    summary: operation.summary,
    description: operation.description,
    ...(operation.auth === 'public' ? { security: [] } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(operation.body
      ? { requestBody: { required: true, content: jsonContent(ref(operation.body)) } }
      : {}),
    responses,
  };
}

type ErrorCode = { code: string; text: string };

/** The errors an operation can answer, by status: those its options imply, then its own. */
function errorsOf(operation: ApiOperation): Record<string, ErrorCode[]> {
  const errors: Record<string, ErrorCode[]> = {};
  const add = (status: number, code: string, text: string) =>
    (errors[String(status)] ??= []).push({ code, text });
  if (operation.body) add(400, 'INVALID_JSON', 'The body is not valid JSON.');
  if (operation.idempotent) {
    add(400, 'INVALID_IDEMPOTENCY_KEY', 'Idempotency-Key is empty or longer than 255 characters.');
  }
  if (operation.auth === 'api_key') {
    add(401, 'UNAUTHORIZED', 'The API key is missing, unknown or revoked.');
  }
  if (operation.access === 'write') add(403, 'FORBIDDEN', 'The API key is read-only.');
  for (const [status, code, text] of operation.errors ?? []) add(status, code, text);
  if (operation.idempotent) {
    add(
      409,
      'IDEMPOTENCY_REQUEST_IN_PROGRESS',
      'A request with this Idempotency-Key is still running; retry in a moment.',
    );
  }
  // MAX_BODY_BYTES of ./api-route.ts (a server module, so not imported here; the test compares).
  if (operation.body) add(413, 'PAYLOAD_TOO_LARGE', 'The body is over 64 KiB.');
  if (operation.body || operation.query) {
    add(
      422,
      'INVALID_REQUEST_BODY',
      'A body field or query parameter is invalid; `errors` names each.',
    );
  }
  if (operation.idempotent) {
    add(422, 'IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used with a different request.');
  }
  if (operation.rateLimited) {
    add(
      429,
      'RATE_LIMIT_EXCEEDED',
      'Too many requests from this address or for this license key; wait Retry-After seconds.',
    );
  }
  add(
    500,
    'INTERNAL_SERVER_ERROR',
    'Unexpected; the message quotes the request id to give support.',
  );
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => Number(a) - Number(b)));
}
