import type { Page } from '@playwright/test';
import { DEMO_BUSINESS_ID } from '../lib/auth/demo-business';
import { DEMO_ACCOUNTS } from '../lib/auth/demo-accounts';
import { readEnv } from '../lib/env';
import { STORAGE_STATE } from './storage-state';
import { choose, createStaffAccount, expect, test } from './fixtures';

const signedOut = { storageState: { cookies: [], origins: [] } };
const { demoPassword } = readEnv();

async function signIn(page: Page, email: string, password: string) {
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test.describe('as Acme support', () => {
  test.use({ storageState: STORAGE_STATE.acmeSupport });

  test('issues a key and sees who issued it on its page', async ({ page, scenario, db }) => {
    await page.goto('/license-keys/new');
    await choose(page, 'Customer', scenario.token, scenario.customer.name);
    await choose(page, 'Product', scenario.token, scenario.product.name);
    await page.getByRole('button', { name: 'Create license key' }).click();
    await expect(page).toHaveURL(/\/license-keys\/lic_/);
    const support = DEMO_ACCOUNTS.acmeSupport;
    await expect(page.getByText(`Issued by ${support.name} (support)`)).toBeVisible();

    const id = new URL(page.url()).pathname.split('/').pop()!;
    const events = await db.auditEvent.findMany({ where: { objectId: id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'license_key.issued',
      actorName: support.name,
      actorRole: 'support',
    });
  });

  test('has no API keys, Members, Activity or Business pages, even by address', async ({
    page,
  }) => {
    await page.goto('/license-keys');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'License keys' })).toBeVisible();
    for (const name of ['API keys', 'Members', 'Activity', 'Business']) {
      await expect(nav.getByRole('link', { name })).toHaveCount(0);
    }
    for (const path of [
      '/settings/api-keys',
      '/settings/members',
      '/activity',
      '/settings/business',
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
    }
  });
});

test.describe('as the Globex owner', () => {
  test.use({ storageState: STORAGE_STATE.globexOwner });

  test("sees none of Acme's keys, customers or products", async ({ page, db }) => {
    const acmeKey = await db.licenseKey.findFirstOrThrow({
      where: { businessId: DEMO_BUSINESS_ID },
      include: { customer: true, product: true },
    });

    await page.goto('/license-keys');
    await expect(page.getByRole('heading', { name: 'License keys' })).toBeVisible();
    await expect(page.getByText('Globex Corporation').first()).toBeVisible();
    await expect(page.locator('main')).not.toContainText(acmeKey.customer.name);

    // A real 404 although the key page has a loading state: its layout looks the key up first.
    const response = await page.goto(`/license-keys/${acmeKey.id}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
    await expect(page.locator('meta[name="robots"][content*="noindex"]').first()).toBeAttached();
    await expect(page.locator('main')).not.toContainText(acmeKey.customer.name);

    await page.goto(`/customers?q=${encodeURIComponent(acmeKey.customer.email)}`);
    await expect(page.getByText('No customers match')).toBeVisible();
    await page.goto('/products');
    await expect(page.locator('main')).not.toContainText(acmeKey.product.name);

    const search = await page.request.get(
      `/internal/customers?q=${encodeURIComponent(acmeKey.customer.name)}`,
    );
    expect((await search.json()).items).toEqual([]);
  });
});

test.describe('signed out', () => {
  test.use(signedOut);

  test('a dashboard page sends you to sign in and back again', async ({ page }) => {
    await page.goto('/license-keys/new');
    await expect(page).toHaveURL(/\/sign-in\?next=%2Flicense-keys%2Fnew$/);
    await signIn(page, DEMO_ACCOUNTS.acmeOwner.email, demoPassword);
    await expect(page).toHaveURL(/\/license-keys\/new$/);
    await expect(page.getByRole('heading', { name: 'New license key' })).toBeVisible();
  });

  test('sign-out ends the session, also for a copy of its cookie', async ({ page, browser }) => {
    await page.goto('/sign-in');
    await signIn(page, DEMO_ACCOUNTS.acmeOwner.email, demoPassword);
    await expect(page).toHaveURL('/');
    const stolen = await page.context().storageState();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.goto('/license-keys');
    await expect(page).toHaveURL(/\/sign-in/);

    const replay = await browser.newContext({
      storageState: stolen,
      baseURL: new URL(page.url()).origin,
    });
    const replayed = await replay.newPage();
    await replayed.goto('/license-keys');
    await expect(replayed).toHaveURL(/\/sign-in/);
    await replay.close();
  });

  test('an expired session sends you back to sign in', async ({ page, db }) => {
    await page.goto('/sign-in');
    await signIn(page, DEMO_ACCOUNTS.acmeSupport.email, demoPassword);
    await expect(page).toHaveURL('/');
    const user = await db.user.findUniqueOrThrow({
      where: { email: DEMO_ACCOUNTS.acmeSupport.email },
    });
    const newest = await db.session.findFirstOrThrow({
      where: { userId: user.id },
      orderBy: { createdAt: 'desc' },
    });
    await db.session.update({
      where: { id: newest.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    // Ended behind the server's back, as another instance would: refused within the bound the
    // server trusts a checked session for (KEYDESK_SESSION_CACHE_SECONDS, playwright.config.ts).
    await expect(async () => {
      await page.goto('/customers');
      await expect(page).toHaveURL(/\/sign-in\?next=%2Fcustomers$/, { timeout: 1000 });
    }).toPass({ timeout: 15_000 });
  });

  test('repeated wrong passwords lock the account for a while, with a clear message', async ({
    page,
    db,
  }) => {
    const { email, password } = await createStaffAccount(db, 'locked', 'Lock Test');

    await page.goto('/sign-in');
    for (let attempt = 1; attempt <= 4; attempt++) {
      await signIn(page, email, `wrong-password-${attempt}`);
      await expect(page.locator('form').getByRole('alert')).toHaveText(
        /email address or the password is not right/,
      );
    }
    await signIn(page, email, 'wrong-password-5');
    await expect(page.locator('form').getByRole('alert')).toHaveText(
      /Too many failed sign-ins.*locked for 15 minutes/,
    );

    // Even the right password is refused while the lock lasts.
    await signIn(page, email, password);
    await expect(page.locator('form').getByRole('alert')).toHaveText(/Too many failed sign-ins/);
    await expect(page).toHaveURL(/\/sign-in/);
  });
});

test.describe('as a member of two businesses', () => {
  test.use({ storageState: STORAGE_STATE.consultant });

  test('switches between them; the current one is shown', async ({ page }) => {
    await page.goto('/license-keys');
    const switcher = page.getByRole('combobox', { name: 'Business' });
    await expect(switcher).toHaveValue(DEMO_BUSINESS_ID);
    await switcher.selectOption({ label: 'Globex Corporation (Support)' });
    await expect(page.getByRole('combobox', { name: 'Business' })).not.toHaveValue(
      DEMO_BUSINESS_ID,
    );
    // Support in Globex: no Members link any more.
    await expect(
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Members' }),
    ).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole('combobox', { name: 'Business' })).toHaveValue(/bus_Globex/);
  });
});
