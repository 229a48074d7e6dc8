import { z } from 'zod';
import { WEBHOOK_EVENT_TYPES, WEBHOOK_TEST_EVENT_TYPE } from './events';

// The delivery log's inputs, shared by its server actions and its page. No server imports.

export const WEBHOOK_DELIVERY_STATES = ['pending', 'succeeded', 'failed'] as const;
export type WebhookDeliveryState = (typeof WEBHOOK_DELIVERY_STATES)[number];

export const DELIVERY_STATE_LABELS: Record<WebhookDeliveryState, string> = {
  pending: 'Pending',
  succeeded: 'Succeeded',
  failed: 'Failed',
};

export type WebhookDeliveryView = {
  id: string;
  eventId: string;
  eventType: string;
  state: WebhookDeliveryState;
  attempts: number;
  nextAttemptAt: Date;
  lastAttemptAt: Date | null;
  lastStatus: number | null;
  createdAt: Date;
};

export type WebhookAttemptView = {
  id: string;
  attempt: number;
  at: Date;
  /** null when no answer came. */
  statusCode: number | null;
  durationMs: number;
  /** The answer's first 1 KB, or why there was none. */
  responseBody: string;
};

/** The event types the log can be filtered by: Keydesk's and the test event. */
export const LOGGED_EVENT_TYPES = [...WEBHOOK_EVENT_TYPES, WEBHOOK_TEST_EVENT_TYPE] as const;

/** The log's filters from the page's query string; anything unknown is ignored. */
export const deliveryFilterSchema = z.object({
  status: z.enum(WEBHOOK_DELIVERY_STATES).optional().catch(undefined),
  event: z.enum(LOGGED_EVENT_TYPES).optional().catch(undefined),
  before: z
    .string()
    .regex(/^whd_[0-9A-Za-z_]{1,60}$/)
    .optional()
    .catch(undefined),
});
export type DeliveryFilter = z.infer<typeof deliveryFilterSchema>;

const id = (prefix: string) => z.string().regex(new RegExp(`^${prefix}_[0-9A-Za-z_]{1,60}$`));

export const sendTestEventSchema = z.object({ endpointId: id('whk') });
export const resendDeliverySchema = z.object({ endpointId: id('whk'), deliveryId: id('whd') });

export const DELIVERY_NOT_FOUND_MESSAGE =
  'This delivery no longer exists (deliveries are kept for 30 days). Reload the page.';
export const WEBHOOK_NOT_FOUND_MESSAGE = 'This endpoint no longer exists. Reload the page.';
