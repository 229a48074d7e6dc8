import type { Locator, Page } from '@playwright/test';
import { DEMO_BUSINESS_ID } from '../lib/auth/demo-business';
import type { Database } from '../lib/database/create-client';
import { expect, test } from './fixtures';
import { expectNoSidewaysScroll } from './layout';

type DashboardPage = {
  path: string;
  /** The page's h1, to know the page itself (not its loading state or an error) is shown. */
  heading: string | RegExp;
  /** The page's main action, which must be reachable on a phone. */
  action?: { role: 'link' | 'button'; name: string | RegExp };
};

/**
 * Every page of the dashboard, as the owner (who has them all) sees it. In a path, `{key}` and
 * `{product}` stand for the id of a license key and of a product of the demo business. A new
 * dashboard page belongs here.
 */
const DASHBOARD_PAGES: readonly DashboardPage[] = [
  { path: '/', heading: 'Overview', action: { role: 'button', name: 'Show as table' } },
  {
    path: '/license-keys',
    heading: 'License keys',
    action: { role: 'link', name: 'Issue a key' },
  },
  {
    path: '/license-keys/{key}',
    heading: /^License key for /,
    action: { role: 'button', name: 'Copy key' },
  },
  {
    path: '/license-keys/import',
    heading: 'Import keys',
    action: { role: 'button', name: 'Upload file' },
  },
  {
    path: '/license-keys/new',
    heading: 'New license key',
    action: { role: 'button', name: 'Create license key' },
  },
  { path: '/customers', heading: 'Customers', action: { role: 'link', name: 'New customer' } },
  {
    // The demo customer with the most keys: the page's key table at its widest.
    path: '/customers/{customer}',
    heading: /\S/,
    action: { role: 'button', name: 'Save changes' },
  },
  {
    path: '/customers/new',
    heading: 'New customer',
    action: { role: 'button', name: 'Create customer' },
  },
  { path: '/products', heading: 'Products', action: { role: 'button', name: /^Archive / } },
  {
    path: '/products/new',
    heading: 'New product',
    action: { role: 'button', name: 'Create product' },
  },
  {
    path: '/products/{product}/edit',
    heading: /^Edit /,
    action: { role: 'button', name: 'Save product' },
  },
  { path: '/activity', heading: 'Activity' },
  {
    path: '/settings/members',
    heading: 'Members',
    action: { role: 'button', name: 'Invite member' },
  },
  {
    path: '/settings/api-keys',
    heading: 'API keys',
    action: { role: 'button', name: 'Create API key' },
  },
  {
    path: '/settings/webhooks',
    heading: 'Webhooks',
    action: { role: 'button', name: 'Add endpoint' },
  },
  {
    path: '/settings/business',
    heading: 'Business',
    action: { role: 'button', name: 'Save name' },
  },
];

/** The owner's navigation, in order. */
const OWNER_LINKS = [
  'Overview',
  'License keys',
  'Customers',
  'Products',
  'Activity',
  'Members',
  'API keys',
  'Webhooks',
  'Business',
];

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1366, height: 768 };

/** Brought into view (scrolling its own container if need be), it lies wholly inside the window. */
async function expectWithinWindow(page: Page, locator: Locator, what: string) {
  await locator.scrollIntoViewIfNeeded();
  await expect(locator, what).toBeVisible();
  const box = await locator.boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  expect(box, what).not.toBeNull();
  expect(box!.x, `${what} starts left of the window`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${what} ends right of the window`).toBeLessThanOrEqual(width);
}

/** The page's address, with a key and a product of the demo business in it. */
async function pathFor(db: Database, path: string) {
  if (path.includes('{key}')) {
    const key = await db.licenseKey.findFirstOrThrow({ where: { businessId: DEMO_BUSINESS_ID } });
    path = path.replace('{key}', key.id);
  }
  if (path.includes('{customer}')) {
    const [busiest] = await db.licenseKey.groupBy({
      by: ['customerId'],
      where: { businessId: DEMO_BUSINESS_ID },
      _count: { id: true },
      orderBy: { _count: { id: 'desc' } },
      take: 1,
    });
    path = path.replace('{customer}', busiest.customerId);
  }
  if (path.includes('{product}')) {
    const product = await db.product.findFirstOrThrow({ where: { businessId: DEMO_BUSINESS_ID } });
    path = path.replace('{product}', product.id);
  }
  return path;
}

test.describe('on a 390 px phone', () => {
  test.use({ viewport: PHONE });

  for (const { path, heading, action } of DASHBOARD_PAGES) {
    test(`${path} does not scroll sideways and its main action is reachable`, async ({
      page,
      db,
    }) => {
      const url = await pathFor(db, path);
      await page.goto(url);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await expectNoSidewaysScroll(page, url);
      if (action) {
        const control = page.getByRole(action.role, { name: action.name }).first();
        await expectWithinWindow(page, control, `${url}: ${action.name}`);
      }
      await expectNoSidewaysScroll(page, `${url} after scrolling to its action`);
    });
  }

  test('the header folds behind a Menu button that works by keyboard', async ({ page }) => {
    await page.goto('/license-keys');
    const menu = page.getByRole('button', { name: 'Menu' });
    const nav = page.getByRole('navigation', { name: 'Main' });
    const signOut = page.getByRole('button', { name: 'Sign out' });
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(nav).toBeHidden();
    await expect(signOut).toBeHidden();

    await menu.focus();
    await page.keyboard.press('Enter');
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    for (const name of OWNER_LINKS) {
      await expectWithinWindow(page, nav.getByRole('link', { name, exact: true }), name);
    }
    await expectWithinWindow(page, page.locator('header').getByText('Acme Software'), 'business');
    await expectWithinWindow(page, signOut, 'Sign out');
    await expectNoSidewaysScroll(page, 'the open menu');

    // Escape closes it and the focus goes back to the button.
    await page.keyboard.press('Escape');
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(menu).toBeFocused();
    await expect(nav).toBeHidden();

    // Space opens it too; the links follow the button in the tab order; Escape from a link.
    await page.keyboard.press('Space');
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('Tab');
    await expect(nav.getByRole('link', { name: 'Overview' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(menu).toBeFocused();

    // Following a link closes it.
    await menu.click();
    await nav.getByRole('link', { name: 'Customers' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(nav).toBeHidden();
  });
});

test.describe('on a 1366 px laptop', () => {
  test.use({ viewport: LAPTOP });

  test("the owner's header is one row, with no Menu button", async ({ page }) => {
    await page.goto('/license-keys');
    const header = page.locator('header');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(page.getByRole('button', { name: 'Menu' })).toBeHidden();
    const parts = [
      header.getByRole('link', { name: 'Keydesk', exact: true }),
      ...OWNER_LINKS.map((name) => nav.getByRole('link', { name, exact: true })),
      header.getByText('Acme Software'),
      header.getByText('Owner', { exact: true }),
      header.getByRole('button', { name: 'Sign out' }),
    ];
    const middles: number[] = [];
    for (const part of parts) {
      await expect(part).toBeVisible();
      const box = (await part.boundingBox())!;
      middles.push(box.y + box.height / 2);
    }
    // One row: every part's vertical middle within a few pixels of the others'.
    expect(Math.max(...middles) - Math.min(...middles)).toBeLessThanOrEqual(4);
    await expectNoSidewaysScroll(page, '/license-keys at 1366 px');
  });
});
