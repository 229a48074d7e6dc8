// Whether a request a browser sent comes from one of this server's own pages, checked as Next
// checks its server actions' requests (the Origin's host against X-Forwarded-Host, else Host): the
// request's URL cannot tell, since `next start` names itself localhost whatever address it was asked at.

/**
 * True when the request carries an Origin that is not this server's. A request without one passes:
 * a browser's cross-site POST always sends it, and a handcrafted request carries no one else's cookies.
 */
export function isForeignOrigin(headers: Headers): boolean {
  const origin = headers.get('origin');
  if (origin === null) return false;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return true; // "null": a sandboxed page, a redirect from another site
  }
  const forwarded = headers.get('x-forwarded-host')?.split(',')[0]?.trim();
  return host !== forwarded && host !== headers.get('host');
}
