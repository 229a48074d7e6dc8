import { randomBytes } from 'node:crypto';

/**
 * A new signing secret as Standard Webhooks writes them: `whsec_` and the base64 of 24 random
 * bytes (192 bits). The `standardwebhooks` package and the Dodo SDK's `unwrap` take it as is.
 */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

/** How long the secret before a rotation keeps signing deliveries beside the new one. */
export const SECRET_OVERLAP_MS = 24 * 60 * 60_000;
