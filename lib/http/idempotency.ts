import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { db } from '@/lib/db';
import { uniqueViolationFields } from '@/lib/prisma-errors';
import { ApiError } from './api-error';

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const MAX_KEY_LENGTH = 255;
/** A request still running says so this often; one silent for ABANDONED_AFTER_MS has died. */
export const CLAIM_HEARTBEAT_MS = 20_000;
export const ABANDONED_AFTER_MS = 60_000;
const PURGE_INTERVAL_MS = 60_000;

export type StoredAnswer = { status: number; body: string };

/**
 * Stripe's Idempotency-Key semantics for POST endpoints. The first request with a key claims it;
 * the same key with the same request replays the first answer; with another request it is refused;
 * while the first is still running it is refused with 409. Keys are kept for 24 hours. A request
 * whose process died while it ran leaves its key claimed; a retry takes it over after a minute.
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

  await purgeNowAndThen(now);
  const claimToken = randomBytes(12).toString('base64url');
  const existing = await claim(key, requestHash, claimToken, now);
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

  const held = { key, claimToken };
  let answer: StoredAnswer;
  const heartbeat = keepClaim(held, now);
  try {
    answer = await run();
  } catch (error) {
    // Nothing to replay: free the key so that the client may retry.
    await db.idempotencyRecord.deleteMany({ where: { ...held, state: 'in_flight' } });
    throw error;
  } finally {
    clearInterval(heartbeat);
  }
  if (answer.status >= 500) {
    await db.idempotencyRecord.deleteMany({ where: { ...held, state: 'in_flight' } });
  } else {
    // Only while this request still holds the claim: one taken over after it fell silent is the
    // retry's now, and the retry's answer is the one to keep.
    await db.idempotencyRecord.updateMany({
      where: { ...held, state: 'in_flight' },
      data: { state: 'done', responseStatus: answer.status, responseBody: answer.body },
    });
  }
  return { ...answer, replayed: false };
}

/**
 * While the request runs, says every CLAIM_HEARTBEAT_MS that it still does (on `now`'s clock), so
 * that a request that outlives the silence limit is never taken over while its process is alive.
 */
function keepClaim(held: { key: string; claimToken: string }, now: Date) {
  const started = Date.now();
  const beat = setInterval(() => {
    const claimedAt = new Date(now.getTime() + (Date.now() - started));
    db.idempotencyRecord
      // Only forward: beats run on pooled connections and may commit out of order.
      .updateMany({
        where: { ...held, state: 'in_flight', claimedAt: { lt: claimedAt } },
        data: { claimedAt },
      })
      .catch(() => {}); // a missed beat only shortens the claim's life
  }, CLAIM_HEARTBEAT_MS);
  beat.unref();
  return beat;
}

/**
 * Claims the key for this request, or returns the record of whoever has it. The claim is the INSERT
 * itself, never a read first: the primary key lets exactly one of any number of concurrent requests,
 * in any number of processes, insert the row (PostgreSQL makes a second INSERT of the same key wait
 * for the first's commit, then fail with a unique violation; SQLite runs one write at a time); every
 * other one gets P2002. Those then try to take the record over, which succeeds only for a claim
 * abandoned by its request (same request, still in flight, silent for ABANDONED_AFTER_MS: its process
 * died): one conditional UPDATE that also writes the new claim, so of two retries only one matches.
 * The rest read the record. Deleting an expired record first is one conditional DELETE; if the
 * record read after a P2002 is already gone (its owner failed and freed it), the claim is tried again.
 */
async function claim(key: string, requestHash: string, claimToken: string, now: Date) {
  const expiresAt = new Date(now.getTime() + IDEMPOTENCY_TTL_MS);
  // An expired record no longer counts: remove it so the key can be claimed afresh.
  await db.idempotencyRecord.deleteMany({ where: { key, expiresAt: { lte: now } } });
  try {
    await db.idempotencyRecord.create({
      data: {
        key,
        requestHash,
        state: 'in_flight',
        claimToken,
        claimedAt: now,
        createdAt: now,
        expiresAt,
      },
    });
    return null;
  } catch (error) {
    if (!uniqueViolationFields(error)) throw error;
    const { count } = await db.idempotencyRecord.updateMany({
      where: {
        key,
        requestHash,
        state: 'in_flight',
        claimedAt: { lte: new Date(now.getTime() - ABANDONED_AFTER_MS) },
      },
      data: { claimToken, claimedAt: now, createdAt: now, expiresAt },
    });
    if (count === 1) return null;
    const existing = await db.idempotencyRecord.findUnique({ where: { key } });
    if (!existing) return claim(key, requestHash, claimToken, now);
    return existing;
  }
}

let lastPurgeAt = 0;

/**
 * Now and then (at most once a minute per process), removes every expired record: a key that is
 * never used again would otherwise stay forever. One DELETE on the expiresAt index.
 */
async function purgeNowAndThen(now: Date): Promise<void> {
  if (now.getTime() - lastPurgeAt < PURGE_INTERVAL_MS) return;
  lastPurgeAt = now.getTime();
  await purgeExpiredIdempotencyRecords(now);
}

/** Removes records past their 24 hours. */
export async function purgeExpiredIdempotencyRecords(now = new Date()): Promise<number> {
  const { count } = await db.idempotencyRecord.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}
