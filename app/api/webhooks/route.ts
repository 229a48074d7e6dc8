import { valueOrThrow } from '@/lib/http/api-failures';
import { apiRoute } from '@/lib/http/api-route';
import { parseOrThrow, queryObject } from '@/lib/http/validate';
import { toApiWebhook, toApiWebhookList } from '@/lib/webhooks/api';
import { apiCreateWebhookSchema, apiListWebhooksQuerySchema } from '@/lib/webhooks/api-schema';
import { createWebhookEndpoint, listWebhookEndpoints } from '@/lib/webhooks/data-endpoints';

// Dodo's webhook endpoints, as its SDK's client.webhooks calls them. Keydesk does not rate-limit
// deliveries: `rate_limit` is accepted, not stored, and answered as null. Owners', admins' and
// write API keys' only: a read-only key is refused even the list (the endpoints lead to secrets).

/**
 * Adds an endpoint: 201 with its WebhookDetails. `headers` are stored and sent with every delivery
 * (by the delivery worker); no answer shows them. The URL is checked where it leads (lib/webhooks/address.ts).
 */
export const POST = apiRoute(
  { auth: 'api_key', permission: 'webhooks:manage', idempotent: true },
  async ({ actor, body }) => {
    const input = parseOrThrow(apiCreateWebhookSchema, body);
    return {
      status: 201,
      body: toApiWebhook(valueOrThrow(await createWebhookEndpoint(actor!, input))),
    };
  },
);

/** Newest first, `limit` at a time: `{ data, iterator, done }`, Dodo's cursor page. */
export const GET = apiRoute(
  { auth: 'api_key', permission: 'webhooks:manage' },
  async ({ actor, url }) => {
    const query = parseOrThrow(apiListWebhooksQuerySchema, queryObject(url));
    const page = valueOrThrow(
      await listWebhookEndpoints(actor!, { limit: query.limit, iterator: query.iterator }),
    );
    return { status: 200, body: toApiWebhookList(page) };
  },
);
