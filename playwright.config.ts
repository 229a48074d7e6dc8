import { existsSync } from 'node:fs';
import { defineConfig, devices, type LaunchOptions } from '@playwright/test';
import { assertLocalE2eDatabase, e2eDatabaseUrl } from './e2e/global-setup';
import { mailPorts } from './e2e/mail-ports';

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
/** The loopback mail server the app sends to, and its HTTP API the specs read mail from (e2e/mail.ts). */
const MAIL_PORTS = mailPorts(port);
// SQLite (data/e2e.db) unless the run's DATABASE_URL is PostgreSQL: then keydesk_e2e on that server.
const databaseUrl = e2eDatabaseUrl(process.env.DATABASE_URL);
/** The same build without email configured, on its own database (e2e/without-email.spec.ts). */
const withoutEmail = {
  port: port + 2,
  baseURL: `http://127.0.0.1:${port + 2}`,
  databaseUrl: e2eDatabaseUrl(process.env.DATABASE_URL, 'nomail'),
};

// Test workers inherit this, so fixtures that read or seed through Prisma use the server's database.
process.env.DATABASE_URL = databaseUrl;
// The webServer starts before globalSetup runs: check here too, before anything touches a database.
assertLocalE2eDatabase(databaseUrl);
assertLocalE2eDatabase(withoutEmail.databaseUrl);

/** Debian's Chromium where it exists (Playwright cannot download its own browser here), else Playwright's. */
function chromiumLaunchOptions(): LaunchOptions {
  const executablePath =
    process.env.PLAYWRIGHT_CHROMIUM_PATH ||
    (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  if (!executablePath) return {};
  return {
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  };
}

export default defineConfig({
  testDir: './e2e',
  // Playwright runs the *.spec.ts files (and the setup project its auth.setup.ts); the *.test.ts
  // files under e2e/ are Vitest's (vitest.config.ts).
  testMatch: /\.spec\.ts$/,
  globalSetup: './e2e/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: 'list',
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    // Signs in once per demo role and stores the session (e2e/auth.setup.ts).
    {
      name: 'setup',
      testMatch: /auth\.setup\.ts/,
      use: { ...devices['Desktop Chrome'], launchOptions: chromiumLaunchOptions() },
    },
    {
      name: 'chromium',
      dependencies: ['setup'],
      testIgnore: /without-email\.spec\.ts/,
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: chromiumLaunchOptions(),
        // Signed in as the owner of Acme Software unless a spec says otherwise.
        storageState: 'e2e/.auth/acme-owner.json',
      },
    },
    // Against the second server, which has no KEYDESK_SMTP_URL: what Keydesk shows instead of email.
    {
      name: 'without-email',
      testMatch: /without-email\.spec\.ts/,
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: chromiumLaunchOptions(),
        baseURL: withoutEmail.baseURL,
      },
    },
  ],
  // SKIP_WEBSERVER=1 runs the specs without building or starting the app (for a server you started yourself).
  // Started in order: the mail server first, then the app that sends to it.
  webServer: process.env.SKIP_WEBSERVER
    ? undefined
    : [
        {
          command: `npx tsx scripts/mail-test-server.ts --smtp-port ${MAIL_PORTS.smtp} --http-port ${MAIL_PORTS.http}`,
          url: `http://127.0.0.1:${MAIL_PORTS.http}/health`,
          reuseExistingServer: !process.env.CI,
          timeout: 60_000,
          stdout: 'pipe',
          stderr: 'pipe',
        },
        {
          // Every run starts from a fresh database with the demo data.
          command: [
            'npx tsx scripts/reset-e2e-db.ts',
            'npx tsx scripts/prepare-db.ts',
            'npm run build',
            `npx next start -p ${port}`,
          ].join(' && '),
          url: baseURL,
          env: {
            DATABASE_URL: databaseUrl,
            KEYDESK_URL: baseURL,
            // Every spec calls the public license endpoints from this one address: the per-address
            // limit is exercised by the API tests in lib/; the per-key limit keeps its default here.
            KEYDESK_RATE_LIMIT_PER_ADDRESS: '100000',
            KEYDESK_SEED_DEMO: '1',
            KEYDESK_SMTP_URL: `smtp://127.0.0.1:${MAIL_PORTS.smtp}`,
            KEYDESK_MAIL_FROM: 'Keydesk E2E <keydesk@e2e.example>',
            KEYDESK_OUTBOX_POLL_MS: '1000',
            // A session or membership a test changes in the database, behind the server's back,
            // counts within 2 s (README, "Sessions"); what the app itself changes counts at once.
            KEYDESK_SESSION_CACHE_SECONDS: '2',
            // Webhook endpoints may be http receivers on loopback, as the specs run them.
            KEYDESK_WEBHOOKS_ALLOW_PRIVATE: '1',
            NEXT_TELEMETRY_DISABLED: '1',
          },
          reuseExistingServer: !process.env.CI,
          // A build on two busy cores can take minutes; the timeout only bounds a server that never comes up.
          timeout: 600_000,
          stdout: 'pipe',
          stderr: 'pipe',
        },
        {
          // The same build (the entry above made it), without email, on its own database.
          command: [
            'npx tsx scripts/reset-e2e-db.ts',
            'npx tsx scripts/prepare-db.ts',
            `npx next start -p ${withoutEmail.port}`,
          ].join(' && '),
          url: withoutEmail.baseURL,
          env: {
            DATABASE_URL: withoutEmail.databaseUrl,
            KEYDESK_URL: withoutEmail.baseURL,
            KEYDESK_SEED_DEMO: '1',
            NEXT_TELEMETRY_DISABLED: '1',
          },
          reuseExistingServer: !process.env.CI,
          timeout: 120_000,
          stdout: 'pipe',
          stderr: 'pipe',
        },
      ],
});
