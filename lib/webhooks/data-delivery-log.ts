import 'server-only';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, type Actor } from '@/lib/auth/authorize';
import { db } from '@/lib/db';
import { newTimeOrderedId } from '@/lib/ids';
import { wakeWebhooks } from '@/lib/outbox/wake';
import { fail, ok, type Result } from '@/lib/result';
import type {
  WebhookAttemptView,
  WebhookDeliveryState,
  WebhookDeliveryView,
} from './delivery-schema';
import { describeWebhookUrl } from './endpoint-rows';
import { WEBHOOK_TEST_EVENT_TYPE } from './events';
import { webhookPayload } from './payload';
import { WEBHOOK_LOG_RETENTION_MS } from './schedule';

// What an endpoint's page shows and does: its deliveries (newest first, by state and event type),
// each one's attempts, "Resend" and "Send test event". Everything scoped to the actor's business.

export type DeliveryCode = 'WEBHOOK_NOT_FOUND' | 'DELIVERY_NOT_FOUND';

const deliverySelect = {
  id: true,
  eventId: true,
  eventType: true,
  state: true,
  attempts: true,
  nextAttemptAt: true,
  lastAttemptAt: true,
  lastStatus: true,
  createdAt: true,
} as const;

async function ownEndpoint(actor: Actor, endpointId: string) {
  assertCan(actor, 'webhooks:manage');
  return db.webhookEndpoint.findFirst({
    where: { id: endpointId, businessId: actor.businessId },
    select: { id: true, url: true, disabled: true },
  });
}

/** One page of an endpoint's deliveries, newest first; `before` is the last id of the page before. */
export async function listWebhookDeliveries(
  actor: Actor,
  endpointId: string,
  filter: {
    state?: WebhookDeliveryState;
    eventType?: string;
    before?: string;
    limit?: number;
  } = {},
): Promise<{ deliveries: WebhookDeliveryView[]; next: string | null } | null> {
  if (!(await ownEndpoint(actor, endpointId))) return null;
  const limit = Math.min(Math.max(filter.limit ?? 25, 1), 100);
  const rows = await db.webhookDelivery.findMany({
    where: {
      endpointId,
      ...(filter.state ? { state: filter.state } : {}),
      ...(filter.eventType ? { eventType: filter.eventType } : {}),
      ...(filter.before ? { id: { lt: filter.before } } : {}),
    },
    orderBy: { id: 'desc' },
    take: limit + 1,
    select: deliverySelect,
  });
  const page = rows.slice(0, limit).map((row) => ({
    ...row,
    state: row.state as WebhookDeliveryState,
  }));
  return { deliveries: page, next: rows.length > limit ? page.at(-1)!.id : null };
}

/** A delivery's attempts, newest first, with its event's body; null when it is not the business's. */
export async function getWebhookDelivery(
  actor: Actor,
  endpointId: string,
  deliveryId: string,
): Promise<{
  delivery: WebhookDeliveryView;
  payload: string;
  attempts: WebhookAttemptView[];
} | null> {
  if (!(await ownEndpoint(actor, endpointId))) return null;
  const row = await db.webhookDelivery.findFirst({
    where: { id: deliveryId, endpointId },
    select: {
      ...deliverySelect,
      event: { select: { payload: true } },
      attemptsLog: {
        orderBy: { at: 'desc' },
        take: 50,
        select: {
          id: true,
          attempt: true,
          at: true,
          statusCode: true,
          durationMs: true,
          responseBody: true,
        },
      },
    },
  });
  if (!row) return null;
  const { event, attemptsLog, ...delivery } = row;
  return {
    delivery: { ...delivery, state: delivery.state as WebhookDeliveryState },
    payload: event.payload,
    attempts: attemptsLog,
  };
}

/** Sends a delivery again, whatever its state, from the start of the retry schedule ("Resend"). */
export async function resendWebhookDelivery(
  actor: Actor,
  endpointId: string,
  deliveryId: string,
): Promise<Result<null, DeliveryCode>> {
  const endpoint = await ownEndpoint(actor, endpointId);
  if (!endpoint) return fail('WEBHOOK_NOT_FOUND');
  const result = await db.$transaction(async (tx): Promise<Result<null, DeliveryCode>> => {
    const { count } = await tx.webhookDelivery.updateMany({
      where: { id: deliveryId, endpointId },
      data: { state: 'pending', scheduleStep: 0, nextAttemptAt: new Date() },
    });
    if (count === 0) return fail('DELIVERY_NOT_FOUND');
    await recordAudit(tx, actor, {
      action: 'webhook.delivery_resent',
      objectType: 'webhook_endpoint',
      objectId: endpointId,
      summary: `Resent delivery ${deliveryId} to ${describeWebhookUrl(endpoint.url)}`,
    });
    return ok(null);
  });
  if (result.ok) wakeWebhooks();
  return result;
}

/**
 * Queues a `webhook.test` event for this endpoint alone (whatever its event types), delivered and
 * logged like any other. Answers the delivery's id.
 */
export async function sendTestWebhookEvent(
  actor: Actor,
  endpointId: string,
): Promise<Result<{ deliveryId: string }, 'WEBHOOK_NOT_FOUND'>> {
  const endpoint = await ownEndpoint(actor, endpointId);
  if (!endpoint) return fail('WEBHOOK_NOT_FOUND');
  const at = new Date();
  const eventId = newTimeOrderedId('msg', at.getTime());
  const deliveryId = `whd_${eventId.slice(4)}_${endpointId.slice(4)}`;
  const payload = webhookPayload(actor.businessId, {
    type: WEBHOOK_TEST_EVENT_TYPE,
    at,
    data: { webhook_id: endpointId, message: 'A test event from Keydesk' },
  });
  await db.$transaction(async (tx) => {
    await tx.webhookEvent.create({
      data: {
        id: eventId,
        businessId: actor.businessId,
        type: WEBHOOK_TEST_EVENT_TYPE,
        payload,
        fannedOut: true,
        createdAt: at,
      },
    });
    await tx.webhookDelivery.create({
      data: {
        id: deliveryId,
        endpointId,
        eventId,
        eventType: WEBHOOK_TEST_EVENT_TYPE,
        nextAttemptAt: at,
        createdAt: at,
      },
    });
    await recordAudit(tx, actor, {
      action: 'webhook.test_sent',
      objectType: 'webhook_endpoint',
      objectId: endpointId,
      summary: `Sent a test event to ${describeWebhookUrl(endpoint.url)}`,
    });
  });
  wakeWebhooks();
  return ok({ deliveryId });
}

/**
 * Forgets what is older than 30 days: attempts, settled deliveries, and events every delivery of
 * which is gone. Pending deliveries and their events stay, whatever their age.
 */
export async function purgeWebhookLog(now: Date): Promise<void> {
  const before = new Date(now.getTime() - WEBHOOK_LOG_RETENTION_MS);
  await db.webhookAttempt.deleteMany({ where: { at: { lt: before } } });
  await db.webhookDelivery.deleteMany({
    where: { state: { not: 'pending' }, createdAt: { lt: before } },
  });
  await db.webhookEvent.deleteMany({
    where: { createdAt: { lt: before }, fannedOut: true, deliveries: { none: {} } },
  });
}
