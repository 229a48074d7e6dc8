import 'server-only';
import { db, dbEngine } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { newTimeOrderedId } from '@/lib/ids';

// Every statement of the outbox: messages written in the transaction of the action that causes
// them, claimed by workers with a lease, and settled. Generic: a kind names the handler that
// delivers it (lib/outbox/handlers.ts); the payload is the handler's JSON.

export type OutboxState = 'queued' | 'sending' | 'sent' | 'failed';

export type NewOutboxMessage = {
  kind: string;
  businessId: string | null;
  /** The object the message is about, to list it with that object. */
  subject?: { type: string; id: string };
  payload: unknown;
};

/**
 * Queues a message inside the caller's transaction: it exists exactly when the action does. The
 * caller wakes this process's worker after the commit (wakeOutbox).
 */
export async function enqueueOutboxMessage(
  tx: Prisma.TransactionClient,
  message: NewOutboxMessage,
  now = new Date(),
): Promise<string> {
  const row = await tx.outboxMessage.create({
    data: {
      id: newTimeOrderedId('obx', now.getTime()),
      businessId: message.businessId,
      kind: message.kind,
      subjectType: message.subject?.type ?? null,
      subjectId: message.subject?.id ?? null,
      payload: JSON.stringify(message.payload),
      state: 'queued',
      nextAttemptAt: now,
      createdAt: now,
    },
    select: { id: true },
  });
  return row.id;
}

export type ClaimedMessage = {
  id: string;
  kind: string;
  businessId: string | null;
  payload: string;
  /** Attempts so far, this one included. */
  attempts: number;
};

/**
 * Claims up to `limit` due messages for `workerId` until `now + leaseMs`, in one statement: queued
 * messages whose time has come, and messages whose claimer's lease ran out (it crashed or hung).
 * On PostgreSQL the inner SELECT locks the rows it picks with FOR UPDATE SKIP LOCKED: concurrent
 * workers of any number of processes pick disjoint rows, and a row another worker claimed and
 * committed meanwhile is re-checked against the WHERE (READ COMMITTED) and skipped. SQLite runs one
 * write at a time, so the statement alone is atomic there.
 */
export async function claimOutboxMessages(options: {
  workerId: string;
  now: Date;
  limit: number;
  leaseMs: number;
}): Promise<ClaimedMessage[]> {
  const { workerId, now, limit, leaseMs } = options;
  const lease = new Date(now.getTime() + leaseMs);
  const lock = dbEngine === 'postgresql' ? Prisma.sql`FOR UPDATE SKIP LOCKED` : Prisma.empty;
  const rows = await db.$queryRaw<ClaimedMessage[]>`
    UPDATE "OutboxMessage"
    SET "state" = 'sending', "attempts" = "attempts" + 1, "lockedUntil" = ${lease},
        "claimedBy" = ${workerId}
    WHERE "id" IN (
      SELECT "id" FROM "OutboxMessage"
      WHERE ("state" = 'queued' AND "nextAttemptAt" <= ${now})
         OR ("state" = 'sending' AND "lockedUntil" <= ${now})
      ORDER BY "nextAttemptAt", "id"
      LIMIT ${limit}
      ${lock}
    )
    RETURNING "id", "kind", "businessId", "payload", "attempts"`;
  return rows.map((row) => ({ ...row, attempts: Number(row.attempts) }));
}

/** The claim still held by `workerId`: a worker whose lease ran out and was taken over writes nothing. */
function held(id: string, workerId: string) {
  return { id, state: 'sending', claimedBy: workerId };
}

/** Delivered. `payload` replaces the stored one (its secrets removed). */
export async function markOutboxSent(
  id: string,
  workerId: string,
  payload: string,
  now = new Date(),
): Promise<boolean> {
  const { count } = await db.outboxMessage.updateMany({
    where: held(id, workerId),
    data: { state: 'sent', sentAt: now, lockedUntil: null, lastError: null, payload },
  });
  return count === 1;
}

/**
 * Not delivered: queued again for `retryAt`, or failed for good when it is null (then `payload`,
 * its secrets removed, replaces the stored one).
 */
export async function markOutboxUndelivered(
  id: string,
  workerId: string,
  outcome: { error: string; retryAt: Date | null; payload: string },
): Promise<boolean> {
  const lastError = outcome.error.slice(0, 500);
  const { count } = await db.outboxMessage.updateMany({
    where: held(id, workerId),
    data: outcome.retryAt
      ? { state: 'queued', nextAttemptAt: outcome.retryAt, lockedUntil: null, lastError }
      : { state: 'failed', lockedUntil: null, lastError, payload: outcome.payload },
  });
  return count === 1;
}

/** Gives back claims a stopping worker did not start on: they are due again at once. */
export async function releaseOutboxClaims(ids: string[], workerId: string): Promise<void> {
  if (ids.length === 0) return;
  await db.outboxMessage.updateMany({
    where: { id: { in: ids }, state: 'sending', claimedBy: workerId },
    data: { state: 'queued', attempts: { decrement: 1 }, lockedUntil: null },
  });
}

/**
 * Queues a failed message of the business about `subject` again, with all its attempts ("Retry").
 * Inside the caller's transaction; false when there is no such failed message.
 */
export async function requeueFailedOutboxMessage(
  tx: Prisma.TransactionClient,
  where: { id: string; businessId: string; subject: { type: string; id: string } },
  now = new Date(),
): Promise<boolean> {
  const { count } = await tx.outboxMessage.updateMany({
    where: {
      id: where.id,
      businessId: where.businessId,
      subjectType: where.subject.type,
      subjectId: where.subject.id,
      state: 'failed',
    },
    data: { state: 'queued', attempts: 0, nextAttemptAt: now, lastError: null, claimedBy: null },
  });
  return count === 1;
}

export type OutboxMessageView = {
  id: string;
  state: OutboxState;
  payload: string;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  sentAt: Date | null;
  createdAt: Date;
};

/** The newest messages of the business about one object, newest first. */
export async function listOutboxMessages(
  businessId: string,
  subject: { type: string; id: string },
  take = 20,
): Promise<OutboxMessageView[]> {
  const rows = await db.outboxMessage.findMany({
    where: { businessId, subjectType: subject.type, subjectId: subject.id },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take,
    select: {
      id: true,
      state: true,
      payload: true,
      attempts: true,
      nextAttemptAt: true,
      lastError: true,
      sentAt: true,
      createdAt: true,
    },
  });
  return rows.map((row) => ({ ...row, state: row.state as OutboxState }));
}
