import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// Security headers on every kind of answer, and pages that run under their Content-Security-Policy
// without a single violation (Next's scripts carry the nonce proxy.ts makes).

const EVERY_ANSWER = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
};

function expectSecurityHeaders(headers: Record<string, string>, what: string) {
  expect(headers, what).toMatchObject(EVERY_ANSWER);
  expect(headers['permissions-policy'], what).toMatch(/camera=\(\)/);
  expect(headers['content-security-policy'], what).toContain("frame-ancestors 'none'");
}

test.describe('every answer', () => {
  test('a page, a dashboard page, an API route and 404s carry the security headers', async ({
    request,
  }) => {
    for (const [path, status] of [
      ['/sign-in', 307], // signed in: on to the license keys
      ['/license-keys', 200],
      ['/docs/api', 200],
      ['/no-such-page', 404],
      ['/api/health', 200],
      ['/api/openapi.json', 200],
      ['/api/license_keys', 401],
      ['/api/no-such-endpoint', 404],
      ['/internal/customers?q=da', 200], // the customer picker: JSON, no proxy.ts
    ] as const) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(status);
      expectSecurityHeaders(response.headers(), path);
    }
  });

  test('pages allow scripts only with a fresh nonce; the API allows nothing', async ({
    request,
  }) => {
    const policies = [];
    for (let i = 0; i < 2; i++) {
      const response = await request.get('/license-keys');
      const policy = response.headers()['content-security-policy'];
      const scripts = /script-src ([^;]*)/.exec(policy)?.[1] ?? '';
      expect(scripts).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
      expect(scripts).not.toContain("'unsafe-inline'");
      expect(scripts).not.toContain("'unsafe-eval'");
      const html = await response.text();
      const nonce = /'nonce-([^']+)'/.exec(scripts)![1];
      // Every script of the page carries it: inline ones (Next's data) and files alike.
      const tags = html.match(/<script\b[^>]*>/g) ?? [];
      expect(tags.length).toBeGreaterThan(0);
      for (const tag of tags) expect(tag).toContain(`nonce="${nonce}"`);
      policies.push(nonce);
    }
    expect(policies[0]).not.toBe(policies[1]);
    const api = await request.get('/api/health');
    expect(api.headers()['content-security-policy']).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
  });
});

/** Records CSP violations, console errors, failed requests and uncaught errors of `page`. */
async function watch(page: Page) {
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400 && response.request().resourceType() !== 'document') {
      problems.push(`${response.status()} ${response.url()}`);
    }
  });
  return problems;
}

test.describe('pages under their Content-Security-Policy', () => {
  test('dashboard pages load and work with no violation, no error and no missing icon', async ({
    page,
    scenario,
  }) => {
    const problems = await watch(page);
    for (const path of ['/license-keys', '/customers', '/products', '/docs/api']) {
      await page.goto(path);
      await expect(page.locator('h1').first()).toBeVisible();
    }
    // Hydrated and interactive: the customer picker searches as you type (script and fetch).
    await page.goto('/license-keys/new');
    const picker = page.getByRole('combobox', { name: 'Customer' });
    await picker.fill(scenario.token);
    await expect(page.getByRole('option', { name: new RegExp(scenario.token) })).toBeVisible();
    const icon = await page.request.get('/icon.svg');
    expect(icon.status()).toBe(200);
    expect(await page.locator('link[rel="icon"]').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  test('the 404 page runs under the policy too', async ({ page }) => {
    const problems = await watch(page);
    const response = await page.goto('/no-such-page');
    expect(response?.status()).toBe(404);
    await page.getByRole('link', { name: 'Back to license keys' }).click();
    await expect(page).toHaveURL(/\/license-keys$/);
    // The browser reports the page's own 404 status; nothing else may appear.
    expect(problems.filter((p) => !/Failed to load resource.*404/.test(p))).toEqual([]);
    expect(problems.filter((p) => /Failed to load resource/.test(p))).toHaveLength(1);
  });

  test('the sign-in page works signed out, with no violation', async ({ browser }) => {
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    const problems = await watch(page);
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Client-side validation ran: the form is hydrated.
    await expect(page.getByText('Enter the email address you sign in with.')).toBeVisible();
    expect(problems).toEqual([]);
    await context.close();
  });
});
