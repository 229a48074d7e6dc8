import { createHash, randomBytes } from 'node:crypto';
import { DEMO_BUSINESS_ID } from '../lib/auth/demo-business';
import { parseDatabaseUrl } from '../lib/database/url';
import { newId } from '../lib/ids';
import { createStaffAccount, expect, test } from './fixtures';

// Hostile input through the real server: return paths that would leave the site, a NUL in a
// search box, and a page that fails unexpectedly. None of them answers a 500 or framework text.

const ESCAPES = [
  '/%09/evil.example/phish', // the TAB is dropped by browsers: //evil.example/phish
  '/%0A/evil.example',
  '/%0D%0A/evil.example',
  '//evil.example',
  '/%5C/evil.example',
  '/..//evil.example',
  'https:evil.example',
  'javascript:alert(1)',
  '/%C3%BC/%E2%80%A8', // non-ASCII: ü and U+2028
];

function expectLocal(location: string | undefined, origin: string) {
  expect(location).toBeDefined();
  expect(new URL(location!, origin).origin).toBe(origin);
}

test.describe('return paths', () => {
  test('signed in, /sign-in?next=… goes to a page of this site, never a 500', async ({
    request,
    baseURL,
  }) => {
    for (const next of ESCAPES) {
      const response = await request.get(`/sign-in?next=${next}`, { maxRedirects: 0 });
      expect(response.status(), next).toBe(307);
      expectLocal(response.headers()['location'], baseURL!);
      expect(response.headers()['location'], next).not.toMatch(/evil|javascript|\s/);
    }
  });

  test('signing in with a hostile next lands on this site', async ({ browser, db, baseURL }) => {
    test.slow(); // four sign-ins, each checking a password with scrypt
    const { email, password } = await createStaffAccount(db, 'next', 'Next Test');
    for (const [next, landing] of [
      ['/%09/evil.example/phish', '/'],
      ['/%0A/evil.example', '/'],
      ['/..//evil.example', '/'],
      ['/products?q=%C3%BC', '/products?q=%C3%BC'], // a path of this site, kept (and encoded)
    ]) {
      const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
      const page = await context.newPage();
      const signInPage = await page.goto(`/sign-in?next=${next}`);
      expect(signInPage?.status(), next).toBe(200);
      await page.getByRole('textbox', { name: 'Email' }).fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page).toHaveURL(`${baseURL}${landing}`);
      await context.close();
    }
  });

  test('signed out, any path is sent to sign-in and no request answers 500', async ({
    browser,
  }) => {
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    for (const path of ['/customers?q=%E2%80%A8%0A', '/license-keys/%C3%BC?x=%0D%0A']) {
      const response = await context.request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(307);
      expect(response.headers()['location'], path).toMatch(/^\/sign-in\?next=/);
    }
    await context.close();
  });
});

test.describe('search boxes', () => {
  test('a NUL or line break in a search is searched for without it', async ({ page, scenario }) => {
    const response = await page.goto(`/customers?q=%00${scenario.token}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByText(scenario.customer.name)).toBeVisible();
    for (const q of [`%00${scenario.token}`, `${scenario.token}%0A`, '%00']) {
      const picker = await page.request.get(`/internal/customers?q=${q}`);
      expect(picker.status(), q).toBe(200);
    }
    const found = await page.request.get(`/internal/customers?q=%00${scenario.token}`);
    expect((await found.json()).items).toEqual([
      { id: scenario.customer.id, name: scenario.customer.name, email: scenario.customer.email },
    ]);
    expect((await page.request.get('/internal/products?q=%00x')).status()).toBe(200);
  });
});

/** A stored time no JavaScript Date can hold: reading it gives an Invalid Date; showing it throws. */
function brokenTime() {
  const postgres = parseDatabaseUrl(process.env.DATABASE_URL).engine === 'postgresql';
  return postgres ? `'294276-12-31'` : `'not a time'`;
}

const FRAMEWORK_TEXT =
  /Invalid time value|RangeError|Application error|server-side exception|at \S+ \(/;

test.describe('unexpected failures', () => {
  test('a page that fails shows a generic message with a reference, not the error', async ({
    page,
    db,
    scenario,
  }) => {
    const key = await db.licenseKey.create({
      data: {
        id: newId('lic'),
        businessId: DEMO_BUSINESS_ID,
        key: `BROKEN-${scenario.token}`,
        customerId: scenario.customer.id,
        productId: scenario.product.id,
        source: 'import',
      },
      select: { id: true },
    });
    await db.$executeRawUnsafe(
      `UPDATE "LicenseKey" SET "createdAt" = ${brokenTime()} WHERE "id" = '${key.id}'`,
    );
    try {
      // The key page's loading state has started the answer (200) when the page fails while
      // rendering: the failure shows in place of the page, and the server logs it under the
      // reference shown. (Not found and not allowed are decided in the layout, before: real 404s.)
      await page.goto(`/license-keys/${key.id}`);
      const alert = page.getByRole('alert').filter({ hasText: 'Something went wrong' });
      await expect(alert).toContainText('Something went wrong');
      await expect(alert).toContainText(/with reference \S+/);
      const text = await page.locator('body').innerText();
      expect(text).not.toMatch(FRAMEWORK_TEXT);
      // The rest of the dashboard is still there around the message.
      await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    } finally {
      await db.licenseKey.delete({ where: { id: key.id } });
    }
  });

  test('a page outside the dashboard that fails shows the same, not framework text', async ({
    browser,
    db,
  }) => {
    const token = randomBytes(32).toString('base64url');
    const invite = await db.invite.create({
      data: {
        id: newId('inv'),
        businessId: DEMO_BUSINESS_ID,
        email: `broken-${randomBytes(4).toString('hex')}@e2e.example`,
        emailLower: `broken-${randomBytes(4).toString('hex')}@e2e.example`,
        role: 'support',
        tokenHash: createHash('sha256').update(token).digest('hex'),
        expiresAt: new Date(Date.now() + 86_400_000),
      },
      select: { id: true },
    });
    await db.$executeRawUnsafe(
      `UPDATE "Invite" SET "expiresAt" = ${brokenTime()} WHERE "id" = '${invite.id}'`,
    );
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    try {
      const page = await context.newPage();
      await page.goto(`/invite/${token}`);
      const alert = page.getByRole('alert').filter({ hasText: 'Something went wrong' });
      await expect(alert).toContainText(/with reference \S+/);
      expect(await page.locator('body').innerText()).not.toMatch(FRAMEWORK_TEXT);
    } finally {
      await context.close();
      await db.invite.delete({ where: { id: invite.id } });
    }
  });
});
