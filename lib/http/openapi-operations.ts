import type { querySchemas, requestSchemas, responseSchemas } from './openapi-components';
import { CUSTOMER_AND_PRODUCT_OPERATIONS } from './openapi-operations-customers-products';
import { LICENSE_KEY_OPERATIONS } from './openapi-operations-license-keys';
import { LICENSE_OPERATIONS } from './openapi-operations-licenses';
import { WEBHOOK_OPERATIONS } from './openapi-operations-webhooks';

// The operations of the REST API, as ./openapi.ts documents them: one entry per method and path,
// naming its schemas (./openapi-components.ts) and the errors of its own, in the files of their tags
// (./openapi-operations-*.ts). The errors every operation of a kind can answer (401 with an API key,
// 422 with a body…) follow from its options there.
// No server imports: the docs page and GET /api/openapi.json both render the document.

export type ApiOperation = {
  method: 'get' | 'post' | 'patch' | 'delete';
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
  {
    name: 'Webhooks',
    description: 'Endpoints Keydesk sends events to, and their signing secrets.',
  },
  { name: 'Service', description: 'Health and this document.' },
] as const;

/** The Service tag's operations: the API's own health and description. */
const SERVICE_OPERATIONS: ApiOperation[] = [
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

/** Every operation, in the order of the document: its tags' order. */
export const API_OPERATIONS: ApiOperation[] = [
  ...LICENSE_KEY_OPERATIONS,
  ...LICENSE_OPERATIONS,
  ...CUSTOMER_AND_PRODUCT_OPERATIONS,
  ...WEBHOOK_OPERATIONS,
  ...SERVICE_OPERATIONS,
];
