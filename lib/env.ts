import os from 'node:os';
import { DEFAULT_POOL, type PoolSettings } from './database/pool';
import { DEFAULT_DATABASE_URL } from './database/url';

/** The one reader of process.env. Every variable Keydesk reads is listed in the README. */
export function readEnv(env: NodeJS.ProcessEnv = process.env) {
  return {
    /** file:./data/keydesk.db (SQLite, relative to the project folder) or postgresql://… */
    databaseUrl: env.DATABASE_URL || DEFAULT_DATABASE_URL,
    /** The PostgreSQL connection pool of this process (README, "Connection pool"); SQLite ignores it. */
    databasePool: {
      max: positiveInt(env.KEYDESK_DB_POOL_MAX, DEFAULT_POOL.max),
      connectionTimeoutMillis: nonNegativeInt(
        env.KEYDESK_DB_POOL_TIMEOUT_MS,
        DEFAULT_POOL.connectionTimeoutMillis,
      ),
      idleTimeoutMillis: nonNegativeInt(
        env.KEYDESK_DB_IDLE_TIMEOUT_MS,
        DEFAULT_POOL.idleTimeoutMillis,
      ),
      statementTimeoutMillis: nonNegativeInt(
        env.KEYDESK_DB_STATEMENT_TIMEOUT_MS,
        DEFAULT_POOL.statementTimeoutMillis,
      ),
    } satisfies PoolSettings,
    /** Set to "0" to skip loading demo data into an empty database on `npm start`. */
    seedDemoData: env.KEYDESK_SEED_DEMO !== '0',
    /**
     * Where people reach Keydesk: decides whether session cookies are Secure (anything but
     * localhost), whether answers carry Strict-Transport-Security (https), and what invite links say.
     */
    publicUrl: env.KEYDESK_URL || `http://localhost:${env.PORT || '3000'}`,
    /** KEYDESK_URL as given; `npm start` in production refuses to start without it (scripts/start-checks.ts). */
    configuredPublicUrl: env.KEYDESK_URL || undefined,
    /** NODE_ENV=production: a real installation (Next sets it for `next start` and `next build` too). */
    production: env.NODE_ENV === 'production',
    /** Signs session cookies. Unset: a random secret is made once and kept in data/auth-secret. */
    authSecret: env.BETTER_AUTH_SECRET || undefined,
    /**
     * How long, in seconds, a server process trusts what it last read about a session and its
     * memberships (lib/auth/session-cache.ts): the longest a sign-out, a revoked session or a
     * membership change made by another process takes to reach this one. 0: read on every request.
     */
    sessionCacheSeconds: boundedInt(env.KEYDESK_SESSION_CACHE_SECONDS, 15, 0, 300),
    /** Password of the demo accounts the seed creates. */
    demoPassword: env.KEYDESK_DEMO_PASSWORD || 'keydesk-demo-2026',
    /** Reverse proxies in front of Keydesk whose X-Forwarded-For entries are trusted (default 0). */
    trustedProxies: nonNegativeInt(env.KEYDESK_TRUSTED_PROXIES, 0),
    /** Requests per minute one client address may make to the public license endpoints. */
    rateLimitPerAddress: nonNegativeInt(env.KEYDESK_RATE_LIMIT_PER_ADDRESS, 600),
    /** Requests per minute the public license endpoints accept for one license key. */
    rateLimitPerLicenseKey: nonNegativeInt(env.KEYDESK_RATE_LIMIT_PER_LICENSE_KEY, 60),
    /**
     * The mail server Keydesk sends email through: smtp://user:pass@host:587 (STARTTLS when the
     * server offers it) or smtps://user:pass@host:465. Unset: email is not configured, and every
     * message that would be mailed is shown to copy instead.
     */
    smtpUrl: env.KEYDESK_SMTP_URL || undefined,
    /** The From address of Keydesk's email, e.g. `Acme Licensing <licenses@acme.example>`. */
    mailFrom: env.KEYDESK_MAIL_FROM || `Keydesk <keydesk@${mailDomain(env.KEYDESK_URL)}>`,
    /** `0`: this process runs no outbox worker (another process runs `npm run keydesk -- outbox work`). */
    outboxWorker: env.KEYDESK_OUTBOX_WORKER !== '0',
    /** How often the outbox worker looks for due messages when nothing wakes it, in ms. */
    outboxPollMillis: positiveInt(env.KEYDESK_OUTBOX_POLL_MS, 5000),
    /**
     * `1`: webhook URLs may be http and point at loopback or private addresses (tests, local
     * development). Otherwise they must be https and resolve to public addresses, checked when an
     * endpoint is saved and again at every delivery.
     */
    webhooksAllowPrivate: env.KEYDESK_WEBHOOKS_ALLOW_PRIVATE === '1',
    /** Port of `npm start` (default 3000). */
    port: env.PORT || '3000',
    /**
     * Address `npm start` listens on. Docker and some shells export HOSTNAME as the machine's own
     * name; listening on that would shut out http://localhost, so only another value is honoured.
     */
    hostname: env.HOSTNAME && env.HOSTNAME !== os.hostname() ? env.HOSTNAME : undefined,
  };
}

/** The host name of KEYDESK_URL for the default From address (localhost when unset). */
function mailDomain(publicUrl: string | undefined): string {
  try {
    return publicUrl ? new URL(publicUrl).hostname : 'localhost';
  } catch {
    return 'localhost';
  }
}

function nonNegativeInt(value: string | undefined, fallback: number): number {
  return wholeNumber(value, fallback, 0);
}

function positiveInt(value: string | undefined, fallback: number): number {
  return wholeNumber(value, fallback, 1);
}

function boundedInt(value: string | undefined, fallback: number, min: number, max: number) {
  const parsed = wholeNumber(value, fallback, min);
  if (parsed > max)
    throw new Error(`Expected a whole number <= ${max} in the environment, got "${value}"`);
  return parsed;
}

function wholeNumber(value: string | undefined, fallback: number, min: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min) {
    throw new Error(`Expected a whole number >= ${min} in the environment, got "${value}"`);
  }
  return parsed;
}
