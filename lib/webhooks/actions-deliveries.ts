'use server';

import { revalidatePath } from 'next/cache';
import { memberAction } from '@/lib/auth/member-action';
import { resendWebhookDelivery, sendTestWebhookEvent } from './data-delivery-log';
import {
  DELIVERY_NOT_FOUND_MESSAGE,
  resendDeliverySchema,
  sendTestEventSchema,
  WEBHOOK_NOT_FOUND_MESSAGE,
} from './delivery-schema';

const endpointPath = (endpointId: string) => `/settings/webhooks/${endpointId}`;

/** "Send test event": a webhook.test event for this endpoint alone, in its delivery log. */
export const sendTestWebhookEventAction = memberAction({
  name: 'sendTestWebhookEvent',
  permission: 'webhooks:manage',
  schema: sendTestEventSchema,
  input: (endpointId: string) => ({ endpointId }),
  errorsOn: 'form',
  invalidMessage: WEBHOOK_NOT_FOUND_MESSAGE,
  failures: { WEBHOOK_NOT_FOUND: { message: WEBHOOK_NOT_FOUND_MESSAGE } },
  logContext: ({ endpointId }) => ({ webhookId: endpointId }),
  run: async (actor, { endpointId }) => {
    const result = await sendTestWebhookEvent(actor, endpointId);
    if (!result.ok) return result;
    revalidatePath(endpointPath(endpointId));
    return { ok: true as const, deliveryId: result.value.deliveryId };
  },
});

/** "Resend": the delivery again, from the start of the retry schedule, with the same webhook-id. */
export const resendWebhookDeliveryAction = memberAction({
  name: 'resendWebhookDelivery',
  permission: 'webhooks:manage',
  schema: resendDeliverySchema,
  input: (endpointId: string, deliveryId: string) => ({ endpointId, deliveryId }),
  errorsOn: 'form',
  invalidMessage: DELIVERY_NOT_FOUND_MESSAGE,
  failures: {
    WEBHOOK_NOT_FOUND: { message: WEBHOOK_NOT_FOUND_MESSAGE },
    DELIVERY_NOT_FOUND: { message: DELIVERY_NOT_FOUND_MESSAGE },
  },
  logContext: ({ endpointId, deliveryId }) => ({ webhookId: endpointId, deliveryId }),
  run: async (actor, { endpointId, deliveryId }) => {
    const result = await resendWebhookDelivery(actor, endpointId, deliveryId);
    if (!result.ok) return result;
    revalidatePath(endpointPath(endpointId));
    return { ok: true as const };
  },
});
