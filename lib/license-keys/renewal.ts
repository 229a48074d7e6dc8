import { describeDuration, expiryFromDuration, type KeyLifetime } from '@/lib/products/schema';

// Renewing a key: the rule the server applies and the page describes. No server imports here.

/**
 * The expiry a renewal gives a key: its product's key lifetime added to the later of `now` and the
 * key's current expiry. A key still running keeps the time it had left; an expired key gets a whole
 * lifetime from now, not a stretch that may already be over.
 */
export function renewedExpiry(expiresAt: Date, lifetime: KeyLifetime, now: Date): Date {
  const from = expiresAt.getTime() > now.getTime() ? expiresAt : now;
  return expiryFromDuration(from, lifetime);
}

/** "Renew for 1 year", "Renew for 30 days": the button says how much a renewal adds. */
export function renewLabel(lifetime: KeyLifetime): string {
  return `Renew for ${describeDuration(lifetime)}`;
}
