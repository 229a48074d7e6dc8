import { readEnv } from '@/lib/env';

/**
 * The address the request came from, for per-client rate limits. Route handlers cannot see the
 * socket: Next's server puts the peer address in X-Forwarded-For only when the request has no such
 * header. Each reverse proxy appends the address it received the request from, so with N trusted
 * proxies (KEYDESK_TRUSTED_PROXIES=N) the N-th entry from the end is the one the outermost of them
 * wrote: the client as it saw it. Everything left of that entry came from the client and may be
 * forged. A header shorter than N was written by trusted proxies alone (the request skipped the
 * outer ones), so its first entry is the client. Exposed directly (N = 0), a client can write the
 * header itself, so the per-address limit is advisory there; the per-license-key limit is not.
 */
export function clientAddress(
  request: Request,
  trustedProxies: number = readEnv().trustedProxies,
): string {
  const chain = (request.headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (chain.length === 0) return 'unknown';
  return chain[Math.max(0, chain.length - Math.max(1, trustedProxies))];
}
