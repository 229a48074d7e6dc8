import { readEnv } from '@/lib/env';

/**
 * The address the request came from, for per-client rate limits. Route handlers cannot see the
 * socket: Next's server puts the peer address in X-Forwarded-For only when the request has no such
 * header. Behind N reverse proxies that append to it (KEYDESK_TRUSTED_PROXIES=N), the N-th entry from
 * the end is the client as the outermost proxy saw it. Exposed directly (N = 0), a client can write
 * the header itself, so the per-address limit is advisory there; the per-license-key limit is not.
 */
export function clientAddress(request: Request): string {
  const chain = (request.headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const hops = readEnv().trustedProxies;
  return chain[chain.length - 1 - hops] ?? chain[0] ?? 'unknown';
}
