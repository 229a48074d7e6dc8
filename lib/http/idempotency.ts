import 'server-only';
import { createHash } from 'node:crypto';
import { db } from '@/lib/db';
import { uniqueViolationFields } from '@/lib/prisma-errors';
import { ApiError } from './api-error';

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const MAX_KEY_LENGTH = 255;

export type StoredAnswer = { status: number; body: string };

/**
 * Stripe's Idempotency-Key semantics for POST endpoints. The first request with a key claims it;
 * the same key with the same request replays the first answer; with another request it is refused;
 * while the first is still running it is refused with 409. Keys are kept for 24 hours.
 * `scope` separates callers (an API key's business, or the public endpoints).
 */
export async function withIdempotency(
  scope: string,
  idempotencyKey: string | null,
  request: { method: string; path: string; body: string },
  run: () => Promise<StoredAnswer>,
  now = new Date(),
): Promise<StoredAnswer & { replayed: boolean }> {
  if (idempotencyKey === null) return { ...(await run()), replayed: false };
  if (idempotencyKey.length === 0 || idempotencyKey.length > MAX_KEY_LENGTH) {
    throw new ApiError(
      400,
      'INVALID_IDEMPOTENCY_KEY',
      `Idempotency-Key must be 1 to ${MAX_KEY_LENGTH} characters.`,
    );
  }
  const key = `${scope}:${idempotencyKey}`;
  const requestHash = createHash('sha256')
    .update(`${request.method} ${request.path}\n${request.body}`)
    .digest('hex');

  const existing = await claim(key, requestHash, now);
  if (existing) {
    if (existing.requestHash !== requestHash) {
      throw new ApiError(
        422,
        'IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key was used with a different request. Use a new key for a new request.',
      );
    }
    if (existing.state !== 'done' || existing.responseStatus === null) {
      throw new ApiError(
        409,
        'IDEMPOTENCY_REQUEST_IN_PROGRESS',
        'A request with this Idempotency-Key is still being processed. Retry in a moment.',
      );
    }
    return { status: existing.responseStatus, body: existing.responseBody ?? '', replayed: true };
  }

  let answer: StoredAnswer;
  try {
    answer = await run();
  } catch (error) {
    // Nothing to replay: free the key so that the client may retry.
    await db.idempotencyRecord.deleteMany({ where: { key } });
    throw error;
  }
  if (answer.status >= 500) {
    await db.idempotencyRecord.deleteMany({ where: { key } });
  } else {
    await db.idempotencyRecord.update({
      where: { key },
      data: { state: 'done', responseStatus: answer.status, responseBody: answer.body },
    });
  }
  return { ...answer, replayed: false };
}

/**
 * Claims the key for this request, or returns the record of whoever has it. The claim is the INSERT
 * itself, never a read first: the primary key lets exactly one of any number of concurrent requests,
 * in any number of processes, insert the row (PostgreSQL makes a second INSERT of the same key wait
 * for the first's commit, then fail with a unique violation; SQLite runs one write at a time); every
 * other one gets P2002 and reads the winner's record. Deleting an expired record first is one
 * conditional DELETE; if the record read after a P2002 is already gone (its owner failed and freed
 * it), the claim is simply tried again.
 */
async function claim(key: string, requestHash: string, now: Date) {
  const expiresAt = new Date(now.getTime() + IDEMPOTENCY_TTL_MS);
  // An expired record no longer counts: remove it so the key can be claimed afresh.
  await db.idempotencyRecord.deleteMany({ where: { key, expiresAt: { lte: now } } });
  try {
    await db.idempotencyRecord.create({
      data: { key, requestHash, state: 'in_flight', createdAt: now, expiresAt },
    });
    return null;
  } catch (error) {
    if (!uniqueViolationFields(error)) throw error;
    const existing = await db.idempotencyRecord.findUnique({ where: { key } });
    if (!existing) return claim(key, requestHash, now);
    return existing;
  }
}

/** Removes records past their 24 hours. */
export async function purgeExpiredIdempotencyRecords(now = new Date()): Promise<number> {
  const { count } = await db.idempotencyRecord.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}
