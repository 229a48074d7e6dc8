const SECURITY_HEADERS = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  {
    key: 'Permissions-Policy',
    value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Next logs each server function call with its arguments in development: those carry passwords
  // and license keys, which no log line may hold.
  logging: { serverFunctions: false },
  reactStrictMode: true,
  // On every answer: pages, the REST API, static files, 404s. The pages' Content-Security-Policy
  // (with a nonce per request) and Strict-Transport-Security come from proxy.ts, the REST API's
  // HSTS from lib/http/api-route.ts: they depend on KEYDESK_URL, read when the server runs. The
  // dashboard's JSON route handlers (/internal) answer data, never a document: the API's policy.
  async headers() {
    return [
      { source: '/:path*', headers: SECURITY_HEADERS },
      ...['/api/:path*', '/internal/:path*'].map((source) => ({
        source,
        headers: [
          { key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" },
        ],
      })),
    ];
  },
  experimental: {
    // forbidden(): a real 403 page when a role may not open a page (lib/auth/member.ts).
    authInterrupts: true,
    // The largest form (a license key with its fields) posts well under 4 KB; Next's default is 1 MB.
    // The REST API has its own limit of 64 KiB (lib/http/request-body.ts).
    serverActions: { bodySizeLimit: '64kb' },
  },
};

export default nextConfig;
