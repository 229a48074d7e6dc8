import 'server-only';
import { createHash } from 'node:crypto';
import { db, direct } from '@/lib/db';
import { joinSql, sql, whole } from '@/lib/database/direct';
import { apiErrors } from './api-error';

export const RATE_LIMIT_WINDOW_MS = 60_000;

/** The start of the window whose older counters this process last removed (ms since 1970). */
let purgedBefore = 0;

/** A counter of requests, and how many it may count in one window (0: not counted). */
export type RateLimit = { key: string; limit: number };

/**
 * Counts one request against each bucket in a fixed one-minute window and refuses it (429 with
 * Retry-After) once any bucket has more than its limit in that window. The counters live in the
 * database, so every app process counts together; all buckets of a request are counted in one
 * statement. A limit of 0 turns a bucket off.
 */
export async function enforceRateLimits(limits: RateLimit[], now = new Date()): Promise<void> {
  const counted = limits.filter((l) => l.limit > 0);
  if (counted.length === 0) return;
  const windowStart = new Date(now.getTime() - (now.getTime() % RATE_LIMIT_WINDOW_MS));
  const counts = await countRequest(
    counted.map((l) => l.key),
    windowStart,
  );
  // The first request of a window in this process forgets the counters of past windows (every
  // guessed key leaves one): one statement a minute per process, whatever the traffic. It was one
  // request in a hundred, at random, which at 1,000 requests a second is ten a second, and it made
  // the statement-budget test fail now and then.
  if (windowStart.getTime() > purgedBefore) {
    purgedBefore = windowStart.getTime();
    await db.rateLimitBucket.deleteMany({ where: { windowStart: { lt: windowStart } } });
  }
  if (counted.some((l) => (counts.get(l.key) ?? 0) > l.limit)) {
    const retryAfter = Math.ceil(
      (windowStart.getTime() + RATE_LIMIT_WINDOW_MS - now.getTime()) / 1000,
    );
    throw apiErrors.rateLimited(Math.max(1, retryAfter));
  }
}

/** One bucket: see enforceRateLimits. */
export function enforceRateLimit(key: string, limit: number, now = new Date()): Promise<void> {
  return enforceRateLimits([{ key, limit }], now);
}

/**
 * Adds one to each bucket's count for the window and returns the new counts, in one statement
 * that reads nothing first: `INSERT … ON CONFLICT ("key") DO UPDATE`, which both engines run
 * atomically per row, so that concurrent requests of any number of processes never lose a count
 * (read-then-write would let two requests both see 39 and both pass).
 *
 * A bucket still on an earlier window starts this one at 1. Of two processes that move the window
 * at once, PostgreSQL re-checks the second's update against the row the first committed (its
 * window is no longer earlier, so it counts on); SQLite runs one write at a time. A request whose
 * clock is still in the previous window never resets a newer one; it counts into it. Buckets are
 * always written in the order given (per address, then per key), so two requests cannot lock
 * each other's rows in opposite orders.
 */
async function countRequest(keys: string[], windowStart: Date): Promise<Map<string, number>> {
  const earlier = sql`"RateLimitBucket"."windowStart" < excluded."windowStart"`;
  const rows = await direct.rows(sql`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count")
    VALUES ${joinSql(keys.map((key) => sql`(${key}, ${windowStart}, 1)`))}
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN ${earlier} THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
      "windowStart" = CASE WHEN ${earlier}
        THEN excluded."windowStart" ELSE "RateLimitBucket"."windowStart" END
    RETURNING "key", "count"`);
  return new Map(rows.map((row) => [String(row.key), whole(row.count)]));
}

/**
 * The bucket of the per-license-key limit of the public license endpoints, shared by activate,
 * deactivate and validate. Named by the key's SHA-256, so that the rate-limit table never holds a key.
 */
export function licenseKeyRateLimit(licenseKey: string, limit: number): RateLimit {
  const digest = createHash('sha256').update(licenseKey).digest('hex');
  return { key: `licenses:key:${digest}`, limit };
}
