import 'server-only';
import { recordAudit } from '@/lib/audit/record';
import { operatorActor } from '@/lib/auth/authorize';
import { db, dbEngine } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { newTimeOrderedId } from '@/lib/ids';
import { nextAttemptAt } from '@/lib/outbox/backoff';
import { wakeOutbox } from '@/lib/outbox/wake';
import { queueWebhookDisabledEmails } from './data-disabled-email';
import {
  WEBHOOK_DISABLE_AFTER_MS,
  WEBHOOK_LANE_REST_MS,
  WEBHOOK_RETRY_DELAYS_MS,
} from './schedule';
import type { AttemptOutcome, WebhookTarget } from './send';

// The delivery worker's statements. Events become deliveries (one per endpoint that wants them:
// the fan-out); each endpoint is a lane that one worker at a time holds with a lease and works
// through in the order of its events, so that an endpoint sees events in the order they happened
// (a failing one is retried on its schedule and does not hold the others back). On PostgreSQL the
// fan-out and the lanes are claimed with FOR UPDATE SKIP LOCKED: any number of processes share
// the work and none takes what another holds. SQLite runs one write at a time.

const skipLocked = () =>
  dbEngine === 'postgresql' ? Prisma.sql`FOR UPDATE SKIP LOCKED` : Prisma.empty;

/** One delivery per enabled endpoint that existed when the event `ev` happened and wants its type. */
const deliveriesOf = (events: Prisma.Sql) => Prisma.sql`
  INSERT INTO "WebhookDelivery" ("id", "endpointId", "eventId", "eventType", "state",
    "scheduleStep", "attempts", "nextAttemptAt", "createdAt")
  SELECT 'whd_' || substr(ev."id", 5) || '_' || substr(ep."id", 5), ep."id", ev."id", ev."type",
    'pending', 0, 0, ev."createdAt", ev."createdAt"
  FROM ${events} AS ev
  JOIN "WebhookEndpoint" AS ep ON ep."businessId" = ev."businessId"
  WHERE ep."disabled" = false AND ep."createdAt" <= ev."createdAt"
    AND (ep."filterTypes" = '[]' OR ep."filterTypes" LIKE '%"' || ev."type" || '"%')
  ON CONFLICT ("endpointId", "eventId") DO NOTHING`;

/**
 * Makes the deliveries of up to `limit` events not yet fanned out, oldest first, and marks them
 * fanned out. Returns how many events. PostgreSQL: one statement, whose events are locked and
 * skipped by any other worker's. SQLite: one transaction that writes first (so it holds the write
 * lock from its first statement, and no event can arrive between its two statements).
 */
export async function fanOutWebhookEvents(limit = 500): Promise<number> {
  if (dbEngine === 'postgresql') {
    const [row] = await db.$queryRaw<{ events: bigint | number }[]>`
      WITH "ev" AS (
        SELECT "id", "businessId", "type", "createdAt" FROM "WebhookEvent"
        WHERE "fannedOut" = false ORDER BY "id" LIMIT ${limit} FOR UPDATE SKIP LOCKED
      ),
      "d" AS (${deliveriesOf(Prisma.sql`"ev"`)}),
      "f" AS (UPDATE "WebhookEvent" SET "fannedOut" = true WHERE "id" IN (SELECT "id" FROM "ev"))
      SELECT COUNT(*) AS "events" FROM "ev"`;
    return Number(row.events);
  }
  const pending = Prisma.sql`(SELECT "id", "businessId", "type", "createdAt" FROM "WebhookEvent"
    WHERE "fannedOut" = false ORDER BY "id" LIMIT ${limit})`;
  return db.$transaction(async (tx) => {
    await tx.$executeRaw(deliveriesOf(pending));
    return tx.$executeRaw`UPDATE "WebhookEvent" SET "fannedOut" = true
      WHERE "id" IN (SELECT "id" FROM ${pending} AS p)`;
  });
}

/** An endpoint a worker holds, with what sending needs. */
export type WebhookLane = WebhookTarget & {
  id: string;
  businessId: string;
  failingSince: Date | null;
};

type LaneRow = {
  id: string;
  businessId: string;
  url: string;
  secret: string;
  previousSecret: string | null;
  previousSecretExpiresAt: Date | string | null;
  headers: string;
  failingSince: Date | string | null;
};

const asDate = (value: Date | string | null) =>
  value === null ? null : value instanceof Date ? value : new Date(value);

/**
 * Leases up to `limit` enabled endpoints with a delivery due at `now` to `workerId`, until
 * `now + leaseMs` (a worker that dies leaves them to the next once it runs out).
 */
export async function claimWebhookLanes(options: {
  workerId: string;
  now: Date;
  limit: number;
  leaseMs: number;
}): Promise<WebhookLane[]> {
  const { workerId, now, limit, leaseMs } = options;
  const rows = await db.$queryRaw<LaneRow[]>`
    UPDATE "WebhookEndpoint"
    SET "lockedUntil" = ${new Date(now.getTime() + leaseMs)}, "claimedBy" = ${workerId}
    WHERE "id" IN (
      SELECT e."id" FROM "WebhookEndpoint" AS e
      WHERE e."disabled" = false AND (e."lockedUntil" IS NULL OR e."lockedUntil" <= ${now})
        AND EXISTS (SELECT 1 FROM "WebhookDelivery" AS d
          WHERE d."endpointId" = e."id" AND d."state" = 'pending' AND d."nextAttemptAt" <= ${now})
      LIMIT ${limit}
      ${skipLocked()}
    )
    RETURNING "id", "businessId", "url", "secret", "previousSecret", "previousSecretExpiresAt",
      "headers", "failingSince"`;
  return rows.map((row) => {
    const previousUntil = asDate(row.previousSecretExpiresAt);
    const previous = row.previousSecret && previousUntil && previousUntil > now;
    return {
      id: row.id,
      businessId: row.businessId,
      url: row.url,
      secrets: previous ? [row.secret, row.previousSecret!] : [row.secret],
      headers: JSON.parse(row.headers) as Record<string, string>,
      failingSince: asDate(row.failingSince),
    };
  });
}

/** A delivery to make now: its event's id (the `webhook-id`) and body. */
export type DueDelivery = {
  id: string;
  eventId: string;
  eventType: string;
  payload: string;
  attempts: number;
  scheduleStep: number;
};

/** The lane's deliveries due at `now`, oldest event first. */
export async function dueWebhookDeliveries(
  endpointId: string,
  now: Date,
  limit: number,
): Promise<DueDelivery[]> {
  const rows = await db.webhookDelivery.findMany({
    where: { endpointId, state: 'pending', nextAttemptAt: { lte: now } },
    orderBy: { id: 'asc' },
    take: limit,
    select: {
      id: true,
      eventId: true,
      eventType: true,
      attempts: true,
      scheduleStep: true,
      event: { select: { payload: true } },
    },
  });
  return rows.map(({ event, ...row }) => ({ ...row, payload: event.payload }));
}

export type MadeAttempt = { delivery: DueDelivery; at: Date; outcome: AttemptOutcome };

/**
 * Records a lane's attempts, in one transaction: each in the log, its delivery succeeded, due
 * again on the retry schedule or failed for good, and the endpoint's health. An endpoint whose
 * attempts have all failed for WEBHOOK_DISABLE_AFTER_MS is disabled (and the trail says so). The
 * lane is given back, or kept resting for WEBHOOK_LANE_REST_MS after a failure.
 */
export async function settleWebhookLane(
  lane: WebhookLane,
  workerId: string,
  attempts: MadeAttempt[],
  now: Date,
): Promise<{ disabled: boolean }> {
  const last = attempts.at(-1);
  const failed = last !== undefined && !last.outcome.ok;
  let emails = 0;
  const settled = await db.$transaction(async (tx) => {
    // Bulk: a turn is up to a hundred successes and at most one failure, its last attempt.
    await tx.webhookAttempt.createMany({
      data: attempts.map(({ delivery, at, outcome }) => ({
        id: newTimeOrderedId('wha', at.getTime()),
        deliveryId: delivery.id,
        attempt: delivery.attempts + 1,
        at,
        statusCode: outcome.statusCode,
        durationMs: outcome.durationMs,
        responseBody: outcome.responseBody,
      })),
    });
    const byStatus = new Map<number | null, MadeAttempt[]>();
    for (const made of attempts.filter(({ outcome }) => outcome.ok)) {
      byStatus.set(made.outcome.statusCode, [
        ...(byStatus.get(made.outcome.statusCode) ?? []),
        made,
      ]);
    }
    for (const [status, group] of byStatus) {
      await tx.webhookDelivery.updateMany({
        where: { id: { in: group.map(({ delivery }) => delivery.id) }, state: 'pending' },
        data: {
          state: 'succeeded',
          attempts: { increment: 1 },
          scheduleStep: { increment: 1 },
          lastAttemptAt: group.at(-1)!.at, // the log keeps each attempt's own time
          lastStatus: status,
        },
      });
    }
    if (failed) {
      const { delivery, at, outcome } = last;
      const retryAt = nextAttemptAt(delivery.scheduleStep + 1, at, WEBHOOK_RETRY_DELAYS_MS);
      await tx.webhookDelivery.updateMany({
        where: { id: delivery.id, state: 'pending' },
        data: {
          state: retryAt ? 'pending' : 'failed',
          attempts: { increment: 1 },
          scheduleStep: { increment: 1 },
          ...(retryAt ? { nextAttemptAt: retryAt } : {}),
          lastAttemptAt: at,
          lastStatus: outcome.statusCode,
        },
      });
    }
    const succeeded = attempts.some(({ outcome }) => outcome.ok);
    const failingSince = failed
      ? ((succeeded ? null : lane.failingSince) ?? last.at)
      : attempts.length > 0
        ? null
        : lane.failingSince;
    const disable =
      failed &&
      failingSince !== null &&
      now.getTime() - failingSince.getTime() >= WEBHOOK_DISABLE_AFTER_MS;
    // Raw, so that the lease and health leave the endpoint's updatedAt (its settings) alone.
    const held = await tx.$executeRaw`
      UPDATE "WebhookEndpoint"
      SET "failingSince" = ${failingSince},
        "lockedUntil" = ${failed ? new Date(now.getTime() + WEBHOOK_LANE_REST_MS) : null},
        "claimedBy" = ${failed ? workerId : null},
        "disabled" = ${disable ? Prisma.sql`true` : Prisma.sql`"disabled"`},
        "disabledReason" = ${disable ? 'Every delivery failed for 5 days' : Prisma.sql`"disabledReason"`}
      WHERE "id" = ${lane.id} AND "claimedBy" = ${workerId}`;
    if (disable && held === 1) {
      emails = await queueWebhookDisabledEmails(tx, lane, now);
      await recordAudit(tx, operatorActor(lane.businessId, `webhooks:${workerId}`, 'Keydesk'), {
        action: 'webhook.disabled_failing',
        objectType: 'webhook',
        objectId: lane.id,
        summary: `Disabled the webhook endpoint ${lane.url}: every delivery failed for 5 days`,
      });
    }
    return { disabled: disable && held === 1 };
  });
  if (emails > 0) wakeOutbox();
  return settled;
}
