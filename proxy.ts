import { NextResponse, type NextRequest } from 'next/server';

/**
 * Tells pages which path was asked for, so that a visit without a session can be sent to sign-in and
 * brought back afterwards. Not a security boundary: every page, action and route handler checks the
 * session and the member's role itself (lib/auth/member.ts).
 */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set('x-keydesk-path', request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ['/((?!_next/|api/|favicon.ico).*)'],
};
