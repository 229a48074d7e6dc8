import type { Page } from '@playwright/test';
import { createStaffAccount, expect, test } from './fixtures';
import { STORAGE_STATE } from './storage-state';

/**
 * Holds every server-action call of the page until the returned `release` is called, so a test can
 * see the control's pending state (a server action is a POST carrying a `Next-Action` header).
 */
async function holdServerActions(page: Page) {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/*', async (route) => {
    if (route.request().method() === 'POST' && route.request().headers()['next-action']) {
      await released;
    }
    await route.continue();
  });
  return release;
}

test.describe('signed in as a support member made for this test', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('"Sign out" shows that it is signing out, keeping its name', async ({ page, db }) => {
    const { email, password } = await createStaffAccount(db, 'pending', 'Pending Test');
    await page.goto('/sign-in');
    await page.getByRole('textbox', { name: 'Email' }).fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL('/', { timeout: 20_000 });

    const release = await holdServerActions(page);
    const signOut = page.getByRole('button', { name: 'Sign out' });
    await signOut.click();
    await expect(signOut).toHaveAttribute('aria-busy', 'true');
    await expect(signOut).toHaveAttribute('aria-disabled', 'true');
    await expect(signOut).toBeFocused();
    release();
    await expect(page).toHaveURL(/\/sign-in$/, { timeout: 15_000 });
  });
});

test.describe('as a member of two businesses', () => {
  test.use({ storageState: STORAGE_STATE.consultant });

  test('the business switcher shows the switch in progress', async ({ page }) => {
    await page.goto('/license-keys');
    const switcher = page.getByRole('combobox', { name: 'Business' });
    const release = await holdServerActions(page);
    await switcher.selectOption({ label: 'Globex Corporation (Support)' });
    await expect(switcher).toHaveAttribute('aria-busy', 'true');
    await expect(switcher).toHaveValue(/bus_Globex/);
    await expect(
      page.getByRole('status').filter({ hasText: 'Switching to Globex' }),
    ).toBeAttached();
    release();
    await expect(switcher).not.toHaveAttribute('aria-busy');
    await expect(
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Members' }),
    ).toHaveCount(0);
  });
});
