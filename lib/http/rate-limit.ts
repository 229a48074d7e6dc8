import 'server-only';
import { db } from '@/lib/db';
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
  const count = await db.$transaction(async (tx) => {
    const bucket = await tx.rateLimitBucket.findUnique({ where: { key } });
    if (!bucket || bucket.windowStart.getTime() !== windowStart.getTime()) {
      await tx.rateLimitBucket.upsert({
        where: { key },
        create: { key, windowStart, count: 1 },
        update: { windowStart, count: 1 },
      });
      return 1;
    }
    const updated = await tx.rateLimitBucket.update({
      where: { key },
      data: { count: { increment: 1 } },
      select: { count: true },
    });
    return updated.count;
  });
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
