/**
 * Makes sure Playwright has a Chromium to drive (run by `npm test` before `playwright test`).
 * Order of preference matches playwright.config.ts: PLAYWRIGHT_CHROMIUM_PATH, Debian's /usr/bin/chromium,
 * then Playwright's own download. As root on Debian it installs Debian's Chromium; otherwise it says what to run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

function playwrightChromium(): string | undefined {
  try {
    const executable = chromium.executablePath();
    return existsSync(executable) ? executable : undefined;
  } catch {
    return undefined;
  }
}

function main(): number {
  const configured = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (configured) {
    if (existsSync(configured)) {
      console.log(`Browser: ${configured} (PLAYWRIGHT_CHROMIUM_PATH)`);
      return 0;
    }
    console.error(`PLAYWRIGHT_CHROMIUM_PATH is set to ${configured}, which does not exist.`);
    return 1;
  }
  if (existsSync(SYSTEM_CHROMIUM)) {
    console.log(`Browser: ${SYSTEM_CHROMIUM}`);
    return 0;
  }
  const bundled = playwrightChromium();
  if (bundled) {
    console.log(`Browser: ${bundled} (Playwright's Chromium)`);
    return 0;
  }

  const isDebian = existsSync('/etc/debian_version');
  if (isDebian && process.getuid?.() === 0) {
    console.log('No Chromium found: installing Debian’s chromium package with apt-get…');
    const result = spawnSync('sh', ['-c', 'apt-get update && apt-get install -y chromium'], {
      stdio: 'inherit',
    });
    if (result.status === 0 && existsSync(SYSTEM_CHROMIUM)) return 0;
    console.error('apt-get could not install chromium.');
    return 1;
  }

  console.error(
    'No Chromium found for the end-to-end tests. Install one, then run the tests again:',
  );
  if (isDebian) {
    console.error(
      '  sudo apt-get install chromium     (Debian/Ubuntu: the config uses /usr/bin/chromium)',
    );
  } else {
    console.error('  npx playwright install chromium');
  }
  console.error('or set PLAYWRIGHT_CHROMIUM_PATH to a Chromium executable.');
  return 1;
}

process.exit(main());
