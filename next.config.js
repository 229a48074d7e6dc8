/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Next logs each server function call with its arguments in development: those carry passwords
  // and license keys, which no log line may hold.
  logging: { serverFunctions: false },
  reactStrictMode: true,
  experimental: {
    // forbidden(): a real 403 page when a role may not open a page (lib/auth/member.ts).
    authInterrupts: true,
    // The largest form (a license key with its fields) posts well under 4 KB; Next's default is 1 MB.
    // The REST API has its own limit of 64 KiB (lib/http/request-body.ts).
    serverActions: { bodySizeLimit: '64kb' },
  },
};

export default nextConfig;
