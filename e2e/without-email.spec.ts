import { expect, test, type Page } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../lib/auth/demo-accounts';
import { DEMO_BUSINESS_ID } from '../lib/auth/demo-business';
import { createPrismaClient } from '../lib/database/create-client';
import { readEnv } from '../lib/env';
import { e2eDatabaseUrl } from './global-setup';

// The second server of the run (playwright.config.ts), started without KEYDESK_SMTP_URL: every
// message shows its text or link to copy and says email is not configured; no "Forgot password?".

const { demoPassword } = readEnv();

async function signInAsOwner(page: Page) {
  await page.goto('/sign-in');
  await page.getByRole('textbox', { name: 'Email' }).fill(DEMO_ACCOUNTS.acmeOwner.email);
  await page.getByLabel('Password').fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // scrypt on a busy two-core machine: a sign-in can take several seconds.
  await expect(page).toHaveURL('/', { timeout: 20_000 });
}

test('sign-in has no "Forgot password?", and says to ask an owner', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(
    page.getByText('Forgot your password? Ask an owner of your business to reset it.'),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'Forgot password?' })).toHaveCount(0);
  await page.goto('/forgot-password');
  await expect(page.getByText(/Email is not configured on this Keydesk/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Send reset link' })).toHaveCount(0);
});

test('the key page shows the message to copy instead of sending it', async ({ page }) => {
  // This server's own database (the demo data it was seeded with).
  const db = createPrismaClient(e2eDatabaseUrl(process.env.DATABASE_URL, 'nomail'));
  const key = await db.licenseKey.findFirstOrThrow({
    where: { businessId: DEMO_BUSINESS_ID },
    select: { id: true, key: true },
  });
  await db.$disconnect();
  await signInAsOwner(page);
  await page.goto(`/license-keys/${key.id}`);
  await page.getByRole('button', { name: 'Email key to customer' }).click();
  await expect(page.getByText(/Email is not configured on this Keydesk/)).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Email preview' })).toContainText(key.key);
  await expect(page.getByRole('button', { name: 'Send email' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Copy message' })).toBeVisible();
});

test('an invite shows its link and says nothing is mailed', async ({ page }) => {
  await signInAsOwner(page);
  const email = `nomail-${Date.now()}@e2e.example`;
  await page.goto('/settings/members');
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByRole('radio', { name: /^Support/ }).check();
  await page.getByRole('button', { name: 'Invite member' }).click();
  await expect(page.getByRole('heading', { name: `Invite link for ${email}` })).toBeVisible();
  await expect(page.getByText(/email is not configured on this Keydesk/)).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Invite link' })).toHaveValue(/\/invite\//);
});
