import { NextResponse, type NextRequest } from 'next/server';
import { safeLocalPath } from '@/lib/http/safe-path';

/**
 * Tells pages which path was asked for, so that a visit without a session can be sent to sign-in and
 * brought back afterwards. Not a security boundary: every page, action and route handler checks the
 * session and the member's role itself (lib/auth/member.ts).
 */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  // Only a safe path, in ASCII: a header value cannot hold a line break or non-Latin-1 text.
  const path = safeLocalPath(request.nextUrl.pathname + request.nextUrl.search);
  if (path) headers.set('x-keydesk-path', path);
  else headers.delete('x-keydesk-path');
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ['/((?!_next/|api/|favicon.ico).*)'],
};
