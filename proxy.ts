import { NextResponse, type NextRequest } from 'next/server';
import { readEnv } from '@/lib/env';
import { safeLocalPath } from '@/lib/http/safe-path';
import {
  newNonce,
  pageContentSecurityPolicy,
  transportSecurityHeaders,
} from '@/lib/http/security-headers';

/**
 * For every page: a Content-Security-Policy with a fresh nonce (Next reads it from the request's
 * header and puts it on the scripts it renders, so pages are rendered per request), HSTS on https,
 * and the path that was asked for, so that a visit without a session can be sent to sign-in and
 * brought back afterwards. Not a security boundary: every page, action and route handler checks the
 * session and the member's role itself (lib/auth/member.ts).
 */
export function proxy(request: NextRequest) {
  const env = readEnv();
  const csp = pageContentSecurityPolicy({
    nonce: newNonce(),
    development: !env.production,
    https: env.publicUrl.startsWith('https:'),
  });
  const headers = new Headers(request.headers);
  headers.set('content-security-policy', csp);
  // Only a safe path, in ASCII: a header value cannot hold a line break or non-Latin-1 text.
  const path = safeLocalPath(request.nextUrl.pathname + request.nextUrl.search);
  if (path) headers.set('x-keydesk-path', path);
  else headers.delete('x-keydesk-path');
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', csp);
  for (const [name, value] of Object.entries(transportSecurityHeaders(env.publicUrl))) {
    response.headers.set(name, value);
  }
  return response;
}

export const config = {
  // Pages only: not the REST API (lib/http/api-route.ts sets its headers), not the dashboard's JSON
  // route handlers under /internal (next.config.js gives them the API's fixed policy; the customer
  // picker asks on every keystroke, and a nonce is of no use to JSON; HSTS reaches the browser
  // with the page that asks), nor Next's static files.
  matcher: ['/((?!_next/|api/|internal/|favicon.ico|icon.svg).*)'],
};
