import { createHash, randomBytes } from 'node:crypto';

/** Every secret starts with this, so a leaked one is easy to recognise (and for scanners to find). */
export const API_KEY_SECRET_PREFIX = 'kd_live_';

/** How many leading characters of a secret are kept to tell keys apart: "kd_live_AbC1". */
export const API_KEY_DISPLAY_PREFIX_LENGTH = 12;

/** A new secret: the prefix and 32 random bytes from the operating system's CSPRNG, base64url. */
export function generateApiKeySecret(): string {
  return `${API_KEY_SECRET_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/**
 * What is stored instead of the secret: its SHA-256, hex. A secret has 256 random bits, so a fast
 * hash is enough (no salt or slow hash needed), and it lets the API find a key by an indexed lookup.
 */
export function hashApiKeySecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** The part of a secret that lists show: "kd_live_AbC1". */
export function apiKeyDisplayPrefix(secret: string): string {
  return secret.slice(0, API_KEY_DISPLAY_PREFIX_LENGTH);
}

/**
 * How long a process trusts what it read of an API key before reading it again: the longest a
 * key revoked by another process (or straight in the database) may still be accepted there. The
 * process that revokes a key forgets it at once (revokeApiKey in ./data.ts).
 */
export const API_KEY_CACHE_MS = 5_000;
