// When a message that could not be delivered is tried again. No server imports.

/** The wait after the 1st, 2nd, … failed attempt; after the last one the message has failed for good. */
export const RETRY_DELAYS_MS = [
  60_000, // 1 minute
  5 * 60_000, // 5 minutes
  30 * 60_000, // 30 minutes
  2 * 60 * 60_000, // 2 hours
  6 * 60 * 60_000, // 6 hours
] as const;

/** Attempts a message gets in all: the first, then one after each delay. */
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/**
 * When to try again after `attempts` attempts (the one that just failed included), or null when
 * that was the last one. `delays` is the schedule: email's by default, webhooks have their own.
 */
export function nextAttemptAt(
  attempts: number,
  now: Date,
  delays: readonly number[] = RETRY_DELAYS_MS,
): Date | null {
  if (attempts < 1 || attempts > delays.length) return null;
  return new Date(now.getTime() + delays[attempts - 1]);
}
