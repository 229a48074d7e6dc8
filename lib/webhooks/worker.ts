import { newWorkerId, startDrainLoop, type RunningWorker } from '@/lib/outbox/worker';
import {
  claimWebhookLanes,
  dueWebhookDeliveries,
  fanOutWebhookEvents,
  settleWebhookLane,
  webhookEndpointExists,
  type MadeAttempt,
  type WebhookLane,
} from './data-deliveries';
import { purgeWebhookLog } from './data-delivery-log';
import { WEBHOOK_TIMEOUT_MS } from './schedule';
import { postWebhook, type SendOptions } from './send';

// The webhook delivery worker: turns new events into deliveries, then works through the endpoints
// that have deliveries due, several endpoints at once and each one's deliveries one after another
// in the order of their events. An attempt is recorded after it is made, so a crash between the
// two sends it again (at least once, with the same webhook-id); nothing is sent from inside a
// transaction.

/** A lane is held this long; a turn takes at most one timeout plus quick successes. */
const LANE_LEASE_MS = WEBHOOK_TIMEOUT_MS * 8;
/** Endpoints worked at once by one worker. */
const LANES = 8;
/** Deliveries sent on one lane before they are recorded and the lane given back. */
const TURN = 100;

export type WebhookDrainOptions = {
  workerId: string;
  allowPrivate: boolean;
  /** The clock (tests move it). Default: the time of each step. */
  now?: () => Date;
  stopping?: () => boolean;
  timeoutMs?: number;
};

/** Delivers every webhook due now, until none is left. Returns how many attempts it made. */
export async function deliverDueWebhooks(options: WebhookDrainOptions): Promise<number> {
  const { workerId, now = () => new Date(), stopping = () => false } = options;
  let made = 0;
  while (!stopping()) {
    while ((await fanOutWebhookEvents()) > 0 && !stopping()) {
      // every new event has its deliveries
    }
    const lanes = await claimWebhookLanes({
      workerId,
      now: now(),
      limit: LANES,
      leaseMs: LANE_LEASE_MS,
    });
    if (lanes.length === 0) break;
    // Each lane on its own: one that fails (the database away) does not cut the others short.
    const turns = await Promise.allSettled(lanes.map((lane) => workLane(lane, options)));
    for (const turn of turns) {
      if (turn.status === 'rejected') throw turn.reason;
      made += turn.value;
    }
  }
  return made;
}

/** One turn on a lane: its due deliveries in order, stopping at the first failure. */
async function workLane(lane: WebhookLane, options: WebhookDrainOptions): Promise<number> {
  const { workerId, allowPrivate, timeoutMs, now = () => new Date() } = options;
  const stopping = options.stopping ?? (() => false);
  const due = await dueWebhookDeliveries(lane.id, now(), TURN);
  const made: MadeAttempt[] = [];
  const send: SendOptions = { allowPrivate, timeoutMs };
  for (const delivery of due) {
    if (stopping()) break;
    const at = now();
    const outcome = await postWebhook(
      lane,
      { id: delivery.eventId, payload: delivery.payload },
      { ...send, now: at },
    );
    made.push({ delivery, at, outcome });
    if (!outcome.ok) break; // the endpoint is in trouble: let it rest, try the rest later
  }
  try {
    await settleWebhookLane(lane, workerId, made, now());
  } catch (error) {
    // Deleted while its events were being sent: its deliveries went with it.
    if (!(await webhookEndpointExists(lane.id))) return made.length;
    throw error;
  }
  return made.length;
}

const PURGE_EVERY_MS = 60 * 60_000;

/**
 * Runs the webhook worker in this process (the server's, or `npm run keydesk -- webhooks work`):
 * woken by every change that wrote an event here, polling every `pollMillis` for the rest
 * (events of other processes, retries coming due, leases running out), and purging the delivery
 * log of entries older than 30 days once an hour.
 */
export function startWebhookWorker(options: {
  pollMillis: number;
  allowPrivate: boolean;
  workerId?: string;
}): RunningWorker {
  const workerId = options.workerId ?? newWorkerId();
  let purgedAt = 0;
  return startDrainLoop('Webhook worker', 'webhooks', options.pollMillis, async (stopping) => {
    await deliverDueWebhooks({ workerId, allowPrivate: options.allowPrivate, stopping });
    if (Date.now() - purgedAt >= PURGE_EVERY_MS) {
      purgedAt = Date.now();
      await purgeWebhookLog(new Date());
    }
  });
}
