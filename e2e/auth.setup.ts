import { expect, test as setup } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../lib/auth/demo-accounts';
import { readEnv } from '../lib/env';

import { STORAGE_STATE } from './storage-state';

// Signs in once per role and keeps the browser state; the specs reuse it (playwright.config.ts).

for (const [role, file] of Object.entries(STORAGE_STATE) as [
  keyof typeof STORAGE_STATE,
  string,
][]) {
  setup(`sign in as ${role}`, async ({ page }) => {
    const account = DEMO_ACCOUNTS[role];
    await page.goto('/sign-in');
    await page.getByRole('textbox', { name: 'Email' }).fill(account.email);
    await page.getByLabel('Password').fill(readEnv().demoPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // The first sign-in meets a server that has just started (and scrypt, on two cores).
    await expect(page).toHaveURL('/', { timeout: 20_000 });
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await page.context().storageState({ path: file });
  });
}
