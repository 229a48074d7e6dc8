// The events Keydesk sends to webhook endpoints: Dodo's own `license_key.created` and Keydesk's
// changes of keys and their instances. No server imports: the settings page lists them too.

export const WEBHOOK_EVENT_TYPES = [
  'license_key.created',
  'license_key.updated',
  'license_key.disabled',
  'license_key.enabled',
  'license_key_instance.created',
  'license_key_instance.deleted',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Sent by "Send test event" to one endpoint only; never filtered out. */
export const WEBHOOK_TEST_EVENT_TYPE = 'webhook.test';

export const WEBHOOK_EVENT_LABELS: Record<WebhookEventType, string> = {
  'license_key.created': 'A key is issued or imported',
  'license_key.updated': 'A key’s limit or expiry changes',
  'license_key.disabled': 'A key is disabled',
  'license_key.enabled': 'A key is enabled again',
  'license_key_instance.created': 'A key is activated on a machine',
  'license_key_instance.deleted': 'An activation is removed',
};

export function isWebhookEventType(value: string): value is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}
