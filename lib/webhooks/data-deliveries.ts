import 'server-only';
import { recordAudit } from '@/lib/audit/record';
import { operatorActor } from '@/lib/auth/authorize';
import { db, dbEngine, direct } from '@/lib/db';
import { instant, whole, type Row } from '@/lib/database/direct';
import { Prisma } from '@/lib/generated/prisma/client';
import { newTimeOrderedId } from '@/lib/ids';
import { nextAttemptAt } from '@/lib/outbox/backoff';
import { wakeOutbox } from '@/lib/outbox/wake';
import { describeWebhookUrl } from './endpoint-rows';
import { queueWebhookDisabledEmails } from './data-disabled-email';
import {
  WEBHOOK_DISABLE_AFTER_MS,
  WEBHOOK_LANE_REST_MS,
  WEBHOOK_RETRY_DELAYS_MS,
} from './schedule';
import type { AttemptOutcome, WebhookTarget } from './send';

// The delivery worker's statements, on the direct path (lib/database/direct.ts: a delivery costs
// the server a share of what the change that caused it cost). Events become deliveries (one per
// endpoint that wants them: the fan-out); each endpoint is a lane that one worker at a time holds
// with a lease and works through in the order of its events, so that an endpoint sees events in
// the order they happened (a failing one is retried on its schedule and does not hold the others
// back). On PostgreSQL the fan-out and the lanes are claimed with FOR UPDATE SKIP LOCKED: any
// number of processes share the work and none takes what another holds. SQLite runs one write at
// a time.

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
    const [row] = await direct.rows(Prisma.sql`
      WITH "ev" AS (
        SELECT "id", "businessId", "type", "createdAt" FROM "WebhookEvent"
        WHERE "fannedOut" = false ORDER BY "id" LIMIT ${limit} FOR UPDATE SKIP LOCKED
      ),
      "d" AS (${deliveriesOf(Prisma.sql`"ev"`)}),
      "f" AS (UPDATE "WebhookEvent" SET "fannedOut" = true WHERE "id" IN (SELECT "id" FROM "ev"))
      SELECT COUNT(*) AS "events" FROM "ev"`);
    return whole(row.events);
  }
  const pending = Prisma.sql`(SELECT "id", "businessId", "type", "createdAt" FROM "WebhookEvent"
    WHERE "fannedOut" = false ORDER BY "id" LIMIT ${limit})`;
  return direct.transaction(async (tx) => {
    await tx.run(deliveriesOf(pending));
    return tx.run(Prisma.sql`UPDATE "WebhookEvent" SET "fannedOut" = true
      WHERE "id" IN (SELECT "id" FROM ${pending} AS p)`);
  });
}

/** An endpoint a worker holds, with what sending needs. */
export type WebhookLane = WebhookTarget & {
  id: string;
  businessId: string;
  failingSince: Date | null;
};

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
  const rows = await direct.rows(Prisma.sql`
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
      "headers", "failingSince"`);
  return rows.map((row: Row) => {
    const previousUntil = instant(row.previousSecretExpiresAt);
    const previous = row.previousSecret && previousUntil && previousUntil > now;
    return {
      id: String(row.id),
      businessId: String(row.businessId),
      url: String(row.url),
      secrets: previous ? [String(row.secret), String(row.previousSecret)] : [String(row.secret)],
      headers: JSON.parse(String(row.headers)) as Record<string, string>,
      failingSince: instant(row.failingSince),
    };
  });
}

/** Whether the endpoint still exists (a lane's endpoint may be deleted while it is worked). */
export async function webhookEndpointExists(id: string): Promise<boolean> {
  const rows = await direct.rows(
    Prisma.sql`SELECT 1 AS "one" FROM "WebhookEndpoint" WHERE "id" = ${id}`,
  );
  return rows.length > 0;
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
  const rows = await direct.rows(Prisma.sql`
    SELECT d."id", d."eventId", d."eventType", d."attempts", d."scheduleStep", ev."payload"
    FROM "WebhookDelivery" AS d JOIN "WebhookEvent" AS ev ON ev."id" = d."eventId"
    WHERE d."endpointId" = ${endpointId} AND d."state" = 'pending' AND d."nextAttemptAt" <= ${now}
    ORDER BY d."id" LIMIT ${limit}`);
  return rows.map((row) => ({
    id: String(row.id),
    eventId: String(row.eventId),
    eventType: String(row.eventType),
    payload: String(row.payload),
    attempts: whole(row.attempts),
    scheduleStep: whole(row.scheduleStep),
  }));
}

export type MadeAttempt = { delivery: DueDelivery; at: Date; outcome: AttemptOutcome };

/**
 * Records a lane's attempts, in one transaction of a few statements: each in the log, its delivery
 * succeeded, due again on the retry schedule or failed for good, and the endpoint's health. The
 * lane is given back, or kept resting for WEBHOOK_LANE_REST_MS after a failure. An endpoint whose
 * attempts have all failed for WEBHOOK_DISABLE_AFTER_MS is then disabled (disableFailingEndpoint).
 */
export async function settleWebhookLane(
  lane: WebhookLane,
  workerId: string,
  attempts: MadeAttempt[],
  now: Date,
): Promise<{ disabled: boolean }> {
  const last = attempts.at(-1);
  const failed = last !== undefined && !last.outcome.ok;
  const succeeded = attempts.filter(({ outcome }) => outcome.ok);
  const failingSince = failed
    ? ((succeeded.length > 0 ? null : lane.failingSince) ?? last.at)
    : attempts.length > 0
      ? null
      : lane.failingSince;
  await direct.transaction(async (tx) => {
    if (attempts.length > 0) {
      const rows = attempts.map(
        ({ delivery, at, outcome }) => Prisma.sql`(${newTimeOrderedId('wha', at.getTime())},
          ${delivery.id}, ${delivery.attempts + 1}, ${at}, ${outcome.statusCode},
          ${outcome.durationMs}, ${outcome.responseBody})`,
      );
      await tx.run(Prisma.sql`INSERT INTO "WebhookAttempt" ("id", "deliveryId", "attempt", "at",
          "statusCode", "durationMs", "responseBody")
        VALUES ${Prisma.join(rows)}`);
    }
    // A turn is up to a hundred successes, almost always with one status, and at most one failure.
    const byStatus = new Map<number | null, MadeAttempt[]>();
    for (const made of succeeded) {
      byStatus.set(made.outcome.statusCode, [
        ...(byStatus.get(made.outcome.statusCode) ?? []),
        made,
      ]);
    }
    for (const [status, group] of byStatus) {
      await tx.run(Prisma.sql`UPDATE "WebhookDelivery"
        SET "state" = 'succeeded', "attempts" = "attempts" + 1, "scheduleStep" = "scheduleStep" + 1,
          "lastAttemptAt" = ${group.at(-1)!.at}, "lastStatus" = ${status}
        WHERE "id" IN (${Prisma.join(group.map(({ delivery }) => delivery.id))})
          AND "state" = 'pending'`);
    }
    if (failed) {
      const { delivery, at, outcome } = last;
      const retryAt = nextAttemptAt(delivery.scheduleStep + 1, at, WEBHOOK_RETRY_DELAYS_MS);
      await tx.run(Prisma.sql`UPDATE "WebhookDelivery"
        SET "state" = ${retryAt ? 'pending' : 'failed'}, "attempts" = "attempts" + 1,
          "scheduleStep" = "scheduleStep" + 1,
          ${retryAt ? Prisma.sql`"nextAttemptAt" = ${retryAt},` : Prisma.empty}
          "lastAttemptAt" = ${at}, "lastStatus" = ${outcome.statusCode}
        WHERE "id" = ${delivery.id} AND "state" = 'pending'`);
    }
    // The lease and health leave the endpoint's updatedAt (its settings) alone.
    await tx.run(Prisma.sql`UPDATE "WebhookEndpoint"
      SET "failingSince" = ${failingSince},
        "lockedUntil" = ${failed ? new Date(now.getTime() + WEBHOOK_LANE_REST_MS) : null},
        "claimedBy" = ${failed ? workerId : null}
      WHERE "id" = ${lane.id} AND "claimedBy" = ${workerId}`);
  });
  const disable =
    failed &&
    failingSince !== null &&
    now.getTime() - failingSince.getTime() >= WEBHOOK_DISABLE_AFTER_MS;
  return { disabled: disable && (await disableFailingEndpoint(lane, now)) };
}

/**
 * Disables an endpoint every attempt of which has failed for WEBHOOK_DISABLE_AFTER_MS, says so in
 * the activity trail and emails the owners, in one transaction; false when it was disabled already.
 */
async function disableFailingEndpoint(lane: WebhookLane, now: Date): Promise<boolean> {
  let emails = 0;
  const disabled = await db.$transaction(async (tx) => {
    const { count } = await tx.webhookEndpoint.updateMany({
      where: { id: lane.id, disabled: false },
      data: { disabled: true, disabledReason: 'Every delivery failed for 5 days' },
    });
    if (count === 0) return false;
    await recordAudit(tx, operatorActor(lane.businessId, `webhooks:${lane.id}`, 'Keydesk'), {
      action: 'webhook.disabled_failing',
      objectType: 'webhook_endpoint',
      objectId: lane.id,
      summary: `Disabled the webhook endpoint ${describeWebhookUrl(lane.url)}: every delivery failed for 5 days`,
    });
    emails = await queueWebhookDisabledEmails(tx, lane, now);
    return true;
  });
  if (emails > 0) wakeOutbox();
  return disabled;
}
