// How webhook deliveries are timed. No server imports: the settings page explains them.

/**
 * Standard Webhooks' reference schedule: the first attempt at once, then these waits after the 1st,
 * 2nd, … failure (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h): 8 attempts over about 27 hours, after
 * which the delivery has failed for good.
 */
export const WEBHOOK_RETRY_DELAYS_MS = [
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 60 * 60_000,
  5 * 60 * 60_000,
  10 * 60 * 60_000,
  10 * 60 * 60_000,
] as const;

export const WEBHOOK_MAX_ATTEMPTS = WEBHOOK_RETRY_DELAYS_MS.length + 1;

/** An attempt with no complete answer by then has failed. */
export const WEBHOOK_TIMEOUT_MS = 15_000;

/** An endpoint whose every attempt has failed for this long is disabled, and its owners told. */
export const WEBHOOK_DISABLE_AFTER_MS = 5 * 24 * 60 * 60_000;

/** After a failed attempt the endpoint rests this long before its next delivery is tried. */
export const WEBHOOK_LANE_REST_MS = 5_000;

/** The delivery log keeps attempts, and settled deliveries, this long. */
export const WEBHOOK_LOG_RETENTION_MS = 30 * 24 * 60 * 60_000;

/** How much of an answer's body the log keeps. */
export const WEBHOOK_RESPONSE_KEPT_BYTES = 1024;
