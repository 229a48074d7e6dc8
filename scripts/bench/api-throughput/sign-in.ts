import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { DEMO_ACCOUNTS } from '@/lib/auth/demo-accounts';
import { readEnv } from '@/lib/env';

// The demo owner's session for the dashboard's internal routes: signed in the way a person does,
// in a browser (sign-in is a server action), and handed over as a Cookie header.

export async function signedInCookie(origin: string): Promise<string> {
  const browser = await chromium.launch({
    // As playwright.config.ts: PLAYWRIGHT_CHROMIUM_PATH, else Debian's Chromium, else Playwright's.
    executablePath:
      process.env.PLAYWRIGHT_CHROMIUM_PATH ||
      (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined),
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage({ baseURL: origin });
    await page.goto('/sign-in');
    await page.getByRole('textbox', { name: 'Email' }).fill(DEMO_ACCOUNTS.acmeOwner.email);
    await page.getByLabel('Password').fill(readEnv().demoPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor({ timeout: 30_000 });
    const cookies = await page.context().cookies();
    return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
  } finally {
    await browser.close();
  }
}
