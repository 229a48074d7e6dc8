import type { ApiOperation } from './openapi-operations';

// The operations of the Webhooks tag (./openapi-operations.ts): Dodo's webhook endpoints, as the
// SDK's client.webhooks calls them. Owners', admins' and write API keys' only, reads included.

const ID = { name: 'webhook_id', description: 'The webhook endpoint id (whk_…).' };
const NOT_FOUND: [number, string, string] = [
  404,
  'WEBHOOK_NOT_FOUND',
  'No webhook endpoint with this id in your business.',
];
const URL_REFUSED: [number, string, string][] = [
  [
    422,
    'WEBHOOK_URL_NOT_HTTPS',
    'The URL is http (allowed only with KEYDESK_WEBHOOKS_ALLOW_PRIVATE=1).',
  ],
  [
    422,
    'WEBHOOK_URL_PRIVATE',
    'The host is, or resolves to, a loopback, private, link-local or metadata address.',
  ],
  [422, 'WEBHOOK_URL_UNRESOLVED', 'The host name does not resolve.'],
  [422, 'WEBHOOK_URL_CREDENTIALS', 'The URL carries a user name or password.'],
];

export const WEBHOOK_OPERATIONS: ApiOperation[] = [
  {
    method: 'post',
    path: '/webhooks',
    operationId: 'create_webhook',
    tag: 'Webhooks',
    summary: 'Add a webhook endpoint',
    description:
      'Dodo Payments’ create call. Keydesk makes the endpoint a new signing secret (GET /webhooks/{webhook_id}/secret). `headers` are sent with every delivery and never shown again. Keydesk does not rate-limit deliveries: `rate_limit` is accepted and not stored.',
    auth: 'api_key',
    access: 'write',
    idempotent: true,
    body: 'CreateWebhookRequest',
    success: [{ status: 201, description: 'Created: the new endpoint.', schema: 'Webhook' }],
    errors: URL_REFUSED,
  },
  {
    method: 'get',
    path: '/webhooks',
    operationId: 'list_webhooks',
    tag: 'Webhooks',
    summary: 'List webhook endpoints',
    description:
      'Newest first, in cursor pages as Dodo Payments answers them: pass the answer’s `iterator` to get the next page; the last page has `iterator: null` and `done: true`. The SDK’s auto-pagination does this for you.',
    auth: 'api_key',
    access: 'write',
    query: 'ListWebhooksQuery',
    success: [{ status: 200, description: 'One page of endpoints.', schema: 'WebhookList' }],
  },
  {
    method: 'get',
    path: '/webhooks/{webhook_id}',
    operationId: 'get_webhook',
    tag: 'Webhooks',
    summary: 'Get a webhook endpoint',
    description: "An endpoint of another business answers 404, as one that doesn't exist.",
    auth: 'api_key',
    access: 'write',
    pathParameter: ID,
    success: [{ status: 200, description: 'The endpoint.', schema: 'Webhook' }],
    errors: [NOT_FOUND],
  },
  {
    method: 'patch',
    path: '/webhooks/{webhook_id}',
    operationId: 'update_webhook',
    tag: 'Webhooks',
    summary: 'Update a webhook endpoint',
    description:
      'An absent or null field is kept; `filter_types: []` sends every type. `disabled: false` enables the endpoint again, also after Keydesk disabled it for failing.',
    auth: 'api_key',
    access: 'write',
    pathParameter: ID,
    body: 'UpdateWebhookRequest',
    success: [{ status: 200, description: 'The endpoint as it is now.', schema: 'Webhook' }],
    errors: [NOT_FOUND, ...URL_REFUSED],
  },
  {
    method: 'delete',
    path: '/webhooks/{webhook_id}',
    operationId: 'delete_webhook',
    tag: 'Webhooks',
    summary: 'Delete a webhook endpoint',
    description: 'The endpoint and its delivery log go; nothing more is sent to it.',
    auth: 'api_key',
    access: 'write',
    pathParameter: ID,
    success: [{ status: 200, description: 'Deleted.', schema: 'EmptyResponse' }],
    errors: [NOT_FOUND],
  },
  {
    method: 'get',
    path: '/webhooks/{webhook_id}/secret',
    operationId: 'get_webhook_secret',
    tag: 'Webhooks',
    summary: 'Get a webhook endpoint’s signing secret',
    description:
      'The `whsec_…` secret deliveries are signed with (Standard Webhooks). Each read is recorded in the activity trail.',
    auth: 'api_key',
    access: 'write',
    pathParameter: ID,
    success: [{ status: 200, description: 'The secret.', schema: 'WebhookSecret' }],
    errors: [NOT_FOUND],
  },
];
