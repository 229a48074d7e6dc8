// Security headers Keydesk decides at run time. The ones that never change (nosniff, Referrer-Policy,
// X-Frame-Options, Permissions-Policy) are in next.config.js for every answer.

/**
 * The Content-Security-Policy of the pages: no script runs unless it carries this request's nonce
 * (Next puts it on its own scripts and inline data, proxy.ts makes it) or was loaded by one that
 * did ('strict-dynamic'); nothing may frame a page. Styles may be inline: React writes style
 * attributes (an activation bar's width), and Tailwind's CSS is a file of this origin.
 * In development React needs eval, and Next's live reload a WebSocket.
 */
export function pageContentSecurityPolicy(options: {
  nonce: string;
  development: boolean;
  https: boolean;
}): string {
  const { nonce, development, https } = options;
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${development ? ' ws: wss:' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/** A fresh nonce for one page answer: 128 random bits, base64. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}

const TWO_YEARS_SECONDS = 2 * 365 * 24 * 60 * 60;

/** Strict-Transport-Security when Keydesk is served over https (KEYDESK_URL), else nothing. */
export function transportSecurityHeaders(publicUrl: string): Record<string, string> {
  return publicUrl.startsWith('https:')
    ? { 'Strict-Transport-Security': `max-age=${TWO_YEARS_SECONDS}; includeSubDomains` }
    : {};
}
