import { readEnv } from '@/lib/env';

/**
 * The address the request came from, for per-client rate limits. Next's server appends the peer
 * address of the connection to X-Forwarded-For, so its last entry is the one that reached this
 * process; behind N trusted proxies (KEYDESK_TRUSTED_PROXIES=N) it is the N-th from the end.
 * Entries further left are whatever the client wrote, and are never trusted.
 */
export function clientAddress(request: Request): string {
  const chain = (request.headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const hops = readEnv().trustedProxies;
  return chain[chain.length - 1 - hops] ?? chain[0] ?? 'unknown';
}
