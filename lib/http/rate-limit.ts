import 'server-only';
import { createHash } from 'node:crypto';
import { db } from '@/lib/db';
import { readEnv } from '@/lib/env';
import { apiErrors } from './api-error';

export const RATE_LIMIT_WINDOW_MS = 60_000;

/**
 * Counts one request against `key` in a fixed one-minute window and refuses it (429 with
 * Retry-After) once more than `limit` were made in that window. The counters live in the
 * database, so every app process counts together. A limit of 0 turns the check off.
 */
export async function enforceRateLimit(
  key: string,
  limit: number,
  now = new Date(),
): Promise<void> {
  if (limit === 0) return;
  const windowStart = new Date(now.getTime() - (now.getTime() % RATE_LIMIT_WINDOW_MS));
  const count = await countRequest(key, windowStart);
  // Now and then, forget counters of past windows (every guessed key leaves one).
  if (Math.random() < 0.01) {
    await db.rateLimitBucket.deleteMany({ where: { windowStart: { lt: windowStart } } });
  }
  if (count > limit) {
    const retryAfter = Math.ceil(
      (windowStart.getTime() + RATE_LIMIT_WINDOW_MS - now.getTime()) / 1000,
    );
    throw apiErrors.rateLimited(Math.max(1, retryAfter));
  }
}

/**
 * Adds one to the bucket's count for the window and returns the new count. Nothing is read first:
 * two single statements, each atomic on its own, so that concurrent requests of any number of
 * processes never lose a count (read-then-write would let two requests both see 39 and both pass).
 *
 * 1. A bucket still on an earlier window starts this one at 0: a conditional UPDATE. Of two
 *    processes that move the window at once, PostgreSQL re-checks the WHERE of the second after
 *    the first commits (READ COMMITTED), and the bucket's window is no longer earlier, so only one
 *    resets it; SQLite runs one write at a time. A request whose clock is still in the previous
 *    window never resets a newer one; it counts into it.
 * 2. The increment is Prisma's upsert with `{ increment: 1 }`, which both engines run as one
 *    `INSERT … ON CONFLICT ("key") DO UPDATE SET "count" = "count" + 1 RETURNING "count"` (seen in
 *    the query log). Concurrent first requests for a new key do not collide: one inserts, the
 *    others update the row it inserted.
 */
async function countRequest(key: string, windowStart: Date): Promise<number> {
  await db.rateLimitBucket.updateMany({
    where: { key, windowStart: { lt: windowStart } },
    data: { windowStart, count: 0 },
  });
  const bucket = await db.rateLimitBucket.upsert({
    where: { key },
    create: { key, windowStart, count: 1 },
    update: { count: { increment: 1 } },
    select: { count: true },
  });
  return bucket.count;
}

/**
 * The per-license-key limit of the public license endpoints, shared by activate, deactivate and
 * validate. The bucket is named by the key's SHA-256, so that the rate-limit table never holds a key.
 */
export async function enforceLicenseKeyRateLimit(licenseKey: string): Promise<void> {
  const digest = createHash('sha256').update(licenseKey).digest('hex');
  await enforceRateLimit(`licenses:key:${digest}`, readEnv().rateLimitPerLicenseKey);
}
