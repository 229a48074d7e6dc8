import { toApiLicenseKeyInstance } from '@/lib/license-key-instances/api';
import type { LicenseKey } from '@/lib/license-keys/data-read';
import { toApiLicenseKey } from '@/lib/license-keys/api';
import type { WebhookEventType } from './events';

// What an endpoint receives: Dodo's `{ business_id, type, timestamp, data }`, where data is the
// object as Keydesk's REST API shows it (Dodo's contract: a receiver reads the same shapes from
// both). Built when the change happens, so that the event says what the object was then.

export type WebhookEventInput = {
  type: WebhookEventType | 'webhook.test';
  /** When it happened: the payload's timestamp and the event's place in its endpoint's order. */
  at: Date;
  data: unknown;
};

/** The body every endpoint is sent, byte for byte (it is what the signature covers). */
export function webhookPayload(businessId: string, event: WebhookEventInput): string {
  return JSON.stringify({
    business_id: businessId,
    type: event.type,
    timestamp: event.at.toISOString(),
    data: event.data,
  });
}

/** A key as the API shows it to a write key: whole, as Dodo's license_key.created carries it. */
export function licenseKeyData(key: LicenseKey) {
  return toApiLicenseKey(key, { reveal: true });
}

/** An instance (one activation) as the API shows it. */
export const instanceData = toApiLicenseKeyInstance;
