import { existsSync } from 'node:fs';
import { defineConfig, devices, type LaunchOptions } from '@playwright/test';

// Runs e2e/multi-process alone, without the main suite's server (the spec starts its own two):
//   DATABASE_URL=postgresql://keydesk@127.0.0.1:55432/postgres \
//     npx playwright test e2e/multi-process --config e2e/multi-process/playwright.config.ts
// The spec makes its own database on that server and is skipped when DATABASE_URL is not PostgreSQL.

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
  testDir: '.',
  testMatch: /\.spec\.ts$/,
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: 'list',
  use: { trace: 'retain-on-failure' },
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], launchOptions: chromiumLaunchOptions() },
    },
  ],
});
