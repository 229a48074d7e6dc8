/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Next logs each server function call with its arguments in development: those carry passwords
  // and license keys, which no log line may hold.
  logging: { serverFunctions: false },
  reactStrictMode: true,
  // forbidden(): a real 403 page when a role may not open a page (lib/auth/member.ts).
  experimental: { authInterrupts: true },
};

export default nextConfig;
