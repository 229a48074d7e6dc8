// How a webhook endpoint's fields are stored (JSON text columns, on both engines) and how its
// changes read in the activity trail. No server imports here.

import { isWebhookEventType, type WebhookEventType } from './events';
import type { WebhookEndpointView } from './schema';

type EndpointFields = Pick<
  WebhookEndpointView,
  'url' | 'description' | 'filterTypes' | 'disabled'
> & { metadata?: Record<string, string> };

/** The columns an endpoint's editable fields are stored in. */
export function endpointColumns(fields: EndpointFields) {
  return {
    url: fields.url,
    description: fields.description,
    filterTypes: JSON.stringify(fields.filterTypes),
    metadata: JSON.stringify(fields.metadata ?? {}),
    disabled: fields.disabled,
  };
}

type EndpointRow = Omit<WebhookEndpointView, 'filterTypes' | 'metadata'> & {
  filterTypes: string;
  metadata: string;
};

/** An endpoint as every surface reads it, from its row. */
export function toEndpointView(row: EndpointRow): WebhookEndpointView {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    filterTypes: parseFilterTypes(row.filterTypes),
    metadata: parseMetadata(row.metadata),
    disabled: row.disabled,
    disabledReason: row.disabledReason,
    failingSince: row.failingSince,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** The stored list of event types (a type no longer known is left out). */
export function parseFilterTypes(text: string): WebhookEventType[] {
  const value: unknown = JSON.parse(text);
  return Array.isArray(value)
    ? value.filter((type): type is WebhookEventType => isWebhookEventType(String(type)))
    : [];
}

function parseMetadata(text: string): Record<string, string> {
  const value: unknown = JSON.parse(text);
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}

/**
 * A URL for the activity trail: its origin and path, and `?…` for a query, which may carry a
 * receiver's token (`https://hooks.example.com/keydesk?…`).
 */
export function describeWebhookUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}${parsed.search ? '?…' : ''}`;
  } catch {
    return 'an invalid URL';
  }
}

/** "all events", or the types in the list: "license_key.created, license_key.updated". */
export function describeEvents(types: readonly string[]): string {
  return types.length === 0 ? 'all events' : types.join(', ');
}

/** What an edit changes, one phrase per field, for the activity trail. */
export function describeEndpointChanges(before: EndpointFields, after: EndpointFields): string[] {
  const changes: string[] = [];
  if (before.url !== after.url) {
    changes.push(`URL ${describeWebhookUrl(before.url)} → ${describeWebhookUrl(after.url)}`);
  }
  if (before.description !== after.description) {
    if (!before.description) changes.push('description added');
    else changes.push(after.description ? 'description changed' : 'description removed');
  }
  const eventsBefore = describeEvents(before.filterTypes);
  const eventsAfter = describeEvents(after.filterTypes);
  if (eventsBefore !== eventsAfter) changes.push(`events ${eventsBefore} → ${eventsAfter}`);
  if (JSON.stringify(before.metadata ?? {}) !== JSON.stringify(after.metadata ?? {})) {
    changes.push('metadata changed');
  }
  if (before.disabled !== after.disabled) changes.push(after.disabled ? 'disabled' : 'enabled');
  return changes;
}
