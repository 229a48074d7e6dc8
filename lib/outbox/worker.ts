import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { nextAttemptAt } from './backoff';
import {
  claimOutboxMessages,
  markOutboxSent,
  markOutboxUndelivered,
  releaseOutboxClaims,
  type ClaimedMessage,
} from './data';
import { PermanentDeliveryError } from './errors';
import { onOutboxWake, type OutboxChannel } from './wake';

/** Delivers the messages of one kind. */
export type OutboxHandler = {
  /** Sends the message; throws PermanentDeliveryError when retrying cannot help, any error otherwise. */
  deliver(message: ClaimedMessage, now: Date): Promise<void>;
  /** The payload to keep once the message is settled (sent, or failed for good): secrets removed. */
  scrub?(payload: string): string;
};
export type OutboxHandlers = Record<string, OutboxHandler>;

/**
 * How long a claim lasts. A delivery takes at most about 100 s (the mail transport's timeouts),
 * so a live worker never loses its claim; a worker that died leaves the message to be retried
 * once this has passed.
 */
export const LEASE_MS = 5 * 60_000;
const BATCH = 5;

/** A name for this worker in `claimedBy`: host, process, and a random part. */
export function newWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

export type DrainOptions = {
  workerId: string;
  /** The clock (tests move it past a lease). Default: the time of each claim. */
  now?: () => Date;
  /** Asked before each message: true stops claiming and gives unstarted claims back. */
  stopping?: () => boolean;
};

/** Delivers every message that is due now, a few at a time, until none is left. Returns how many it settled. */
export async function deliverDueMessages(
  handlers: OutboxHandlers,
  { workerId, now = () => new Date(), stopping = () => false }: DrainOptions,
): Promise<number> {
  let settled = 0;
  while (!stopping()) {
    const claimed = await claimOutboxMessages({
      workerId,
      now: now(),
      limit: BATCH,
      leaseMs: LEASE_MS,
    });
    if (claimed.length === 0) break;
    for (const [index, message] of claimed.entries()) {
      if (stopping()) {
        await releaseOutboxClaims(
          claimed.slice(index).map(({ id }) => id),
          workerId,
        );
        return settled;
      }
      await deliverOne(handlers, message, workerId, now());
      settled += 1;
    }
  }
  return settled;
}

async function deliverOne(
  handlers: OutboxHandlers,
  message: ClaimedMessage,
  workerId: string,
  now: Date,
): Promise<void> {
  const handler = handlers[message.kind];
  const scrubbed = () => (handler?.scrub ? handler.scrub(message.payload) : message.payload);
  try {
    if (!handler) throw new PermanentDeliveryError(`Keydesk cannot deliver a "${message.kind}"`);
    await handler.deliver(message, now);
  } catch (error) {
    const permanent = error instanceof PermanentDeliveryError;
    const retryAt = permanent ? null : nextAttemptAt(message.attempts, now);
    const reason = error instanceof Error ? error.message : String(error);
    logDeliveryFailure(message, reason, retryAt);
    await markOutboxUndelivered(message.id, workerId, {
      error: reason,
      retryAt,
      payload: scrubbed(),
    });
    return;
  }
  await markOutboxSent(message.id, workerId, scrubbed(), new Date());
}

/** One JSON line per failed attempt: ids and the reason, never the payload (it may hold a link). */
function logDeliveryFailure(message: ClaimedMessage, reason: string, retryAt: Date | null) {
  console.error(
    JSON.stringify({
      level: retryAt ? 'warn' : 'error',
      time: new Date().toISOString(),
      message: retryAt ? 'Outbox delivery failed; will retry' : 'Outbox delivery failed for good',
      outboxMessageId: message.id,
      kind: message.kind,
      attempts: message.attempts,
      retryAt: retryAt?.toISOString() ?? null,
      reason,
    }),
  );
}

export type RunningWorker = {
  /** Stops claiming, finishes the delivery in progress, gives unstarted claims back. */
  stop(): Promise<void>;
};

/**
 * Runs the outbox worker: a drain at start (messages left by a crash or queued while no worker ran),
 * at every wakeOutbox() of this process, and every `pollMillis` (messages queued by other
 * processes, retries coming due, leases running out).
 */
export function startOutboxWorker(
  handlers: OutboxHandlers,
  { pollMillis, workerId = newWorkerId() }: { pollMillis: number; workerId?: string },
): RunningWorker {
  return startDrainLoop('Outbox worker', 'email', pollMillis, async (stopping) => {
    await deliverDueMessages(handlers, { workerId, stopping });
  });
}

/**
 * Runs `drain` at start, at every wake of `channel` in this process and every `pollMillis`, never two at
 * once (a wake during a drain drains once more after it). `drain` stops early when `stopping()`.
 * The outbox's email worker and the webhook worker are two such loops.
 */
export function startDrainLoop(
  name: string,
  channel: OutboxChannel,
  pollMillis: number,
  drain: (stopping: () => boolean) => Promise<void>,
): RunningWorker {
  let stopped = false;
  let again = false;
  let running: Promise<void> | null = null;

  function cycle() {
    if (stopped) return;
    if (running) {
      again = true; // woken during a drain: drain once more after it
      return;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await drain(() => stopped);
        } catch (error) {
          // The database is away, say: the next poll tries again.
          console.error(
            JSON.stringify({
              level: 'error',
              time: new Date().toISOString(),
              message: `${name} could not drain its queue`,
              error: error instanceof Error ? error.message : String(error),
            }),
          );
        }
      } while (again && !stopped);
      running = null;
    })();
  }

  const unsubscribe = onOutboxWake(cycle, channel);
  const timer = setInterval(cycle, pollMillis);
  timer.unref();
  cycle();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      unsubscribe();
      await running;
    },
  };
}
