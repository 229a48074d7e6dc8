import type { ApiWebhook, ApiWebhookList } from './api-schema';
import type { WebhookEndpointPage } from './data-endpoints';
import type { WebhookEndpointView } from './schema';

/** An endpoint as Dodo's API shows it. Keydesk does not rate-limit deliveries: rate_limit is null. */
export function toApiWebhook(endpoint: WebhookEndpointView): ApiWebhook {
  return {
    id: endpoint.id,
    url: endpoint.url,
    description: endpoint.description,
    metadata: endpoint.metadata,
    filter_types: endpoint.filterTypes,
    disabled: endpoint.disabled,
    rate_limit: null,
    created_at: endpoint.createdAt.toISOString(),
    updated_at: endpoint.updatedAt.toISOString(),
  };
}

/** One page of endpoints, as the SDK's cursor pagination reads it. */
export function toApiWebhookList(page: WebhookEndpointPage): ApiWebhookList {
  return {
    data: page.items.map(toApiWebhook),
    iterator: page.iterator,
    done: page.iterator === null,
  };
}
