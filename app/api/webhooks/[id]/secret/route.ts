import { valueOrThrow } from '@/lib/http/api-failures';
import { apiRoute } from '@/lib/http/api-route';
import { revealWebhookSecret } from '@/lib/webhooks/data-endpoints';

type Params = { id: string };

/**
 * The endpoint's signing secret, `{ secret: "whsec_…" }`, as Dodo's retrieveSecret answers it.
 * Each read is recorded in the activity trail (webhook.secret_viewed), under the API key.
 */
export const GET = apiRoute<Params>(
  { auth: 'api_key', permission: 'webhooks:manage' },
  async ({ actor, params }) => {
    return { status: 200, body: valueOrThrow(await revealWebhookSecret(actor!, params.id)) };
  },
);
