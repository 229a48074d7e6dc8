import { apiFailure, valueOrThrow } from '@/lib/http/api-failures';
import { apiRoute } from '@/lib/http/api-route';
import { parseOrThrow } from '@/lib/http/validate';
import { fail } from '@/lib/result';
import { toApiWebhook } from '@/lib/webhooks/api';
import { apiUpdateWebhookSchema } from '@/lib/webhooks/api-schema';
import {
  deleteWebhookEndpoint,
  getWebhookEndpoint,
  updateWebhookEndpoint,
} from '@/lib/webhooks/data-endpoints';

type Params = { id: string };

// One webhook endpoint (Dodo's WebhookDetails; Keydesk does not rate-limit deliveries, so
// `rate_limit` is always null). Another business's endpoint is as missing as one that never was.

export const GET = apiRoute<Params>(
  { auth: 'api_key', permission: 'webhooks:manage' },
  async ({ actor, params }) => {
    const endpoint = await getWebhookEndpoint(actor!, params.id);
    if (!endpoint) throw apiFailure(fail('WEBHOOK_NOT_FOUND'));
    return { status: 200, body: toApiWebhook(endpoint) };
  },
);

/**
 * An absent or null field is kept; `disabled: false` enables it again (also after Keydesk
 * disabled it for failing). Answers the endpoint as it is now.
 */
export const PATCH = apiRoute<Params>(
  { auth: 'api_key', permission: 'webhooks:manage' },
  async ({ actor, params, body }) => {
    const patch = parseOrThrow(apiUpdateWebhookSchema, body);
    const endpoint = valueOrThrow(await updateWebhookEndpoint(actor!, params.id, patch));
    return { status: 200, body: toApiWebhook(endpoint) };
  },
);

/** Deletes the endpoint and its delivery log. The SDK's `delete` resolves to nothing: answers {}. */
export const DELETE = apiRoute<Params>(
  { auth: 'api_key', permission: 'webhooks:manage' },
  async ({ actor, params }) => {
    valueOrThrow(await deleteWebhookEndpoint(actor!, params.id));
    return { status: 200, body: {} };
  },
);
