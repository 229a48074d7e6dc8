import { readEnv } from '@/lib/env';

type Config = Pick<ReturnType<typeof readEnv>, 'configuredPublicUrl' | 'production' | 'hostname'>;

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\])$/i;

/**
 * Why `npm start` must not start with this configuration, or null. KEYDESK_URL decides whether
 * session cookies are Secure and what invite links say, so a production server reachable from other
 * machines without it would hand out http://localhost links and cookies a network can read. One
 * that listens on loopback only (HOSTNAME=127.0.0.1) is a local trial, and may go without.
 */
export function startRefusal(config: Config = readEnv()): string | null {
  const { configuredPublicUrl, production, hostname } = config;
  if (configuredPublicUrl !== undefined) {
    let url: URL | null = null;
    try {
      url = new URL(configuredPublicUrl);
    } catch {}
    if (url?.protocol === 'https:' || url?.protocol === 'http:') return null;
    return (
      `KEYDESK_URL must be the address people open Keydesk at, like https://keys.example.com; ` +
      `it is "${configuredPublicUrl}".`
    );
  }
  if (!production || (hostname !== undefined && LOOPBACK.test(hostname))) return null;
  return (
    'KEYDESK_URL is not set. With NODE_ENV=production Keydesk needs the address people open it at ' +
    '(for example KEYDESK_URL=https://keys.example.com): it decides whether session cookies are ' +
    'Secure and what invite links say. Set it, or listen on this machine alone (HOSTNAME=127.0.0.1).'
  );
}
