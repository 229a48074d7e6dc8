import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { DEMO_BUSINESS_ID } from '../lib/auth/demo-business';
import type { Database } from '../lib/database/create-client';
import { parseDatabaseUrl } from '../lib/database/url';
import { newId } from '../lib/ids';
import { rebuildOverviewCounts } from '../lib/overview/data-recount';
import { periodsOf } from '../lib/overview/periods';
import type { OverviewRange } from '../lib/overview/types';
import { expectNoAxeViolations } from './axe';
import { firstLoadChunks } from '../scripts/first-load-js';
import { choose, createStaffAccount, expect, test } from './fixtures';
import { STORAGE_STATE } from './storage-state';

// The overview (/) as each role sees it: figures that lead to the key list showing that many keys,
// charts whose tables hold the database's numbers, the range switch, who sees the activity, a new
// business's first steps, and a phone's width. Checked against the database, not the page itself.

/** The overview's counts rebuilt from the keys and the trail: the other specs write keys with
 * Prisma, around the data layer that keeps those counts (as an operator repairs them). */
async function recountDemoBusiness(db: Database) {
  const { engine } = parseDatabaseUrl(process.env.DATABASE_URL!);
  await db.$transaction((tx) => rebuildOverviewCounts(tx, engine, DEMO_BUSINESS_ID));
}

const number = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));

/** How many keys the key list says its view holds ("Showing 1–50 of 1,234 keys", "No keys"). */
async function listTotal(page: Page): Promise<number> {
  const status = page.getByRole('status').filter({ hasText: /^(Showing|No keys)/ });
  const text = (await status.textContent()) ?? '';
  if (text === 'No keys') return 0;
  const match = /of ([\d,]+) keys?$/.exec(text);
  expect(match, text).not.toBeNull();
  return number(match![1]);
}

/** The figure's number: the link's second line. */
const figureValue = async (link: Locator) =>
  number(await link.locator('span').nth(1).textContent());

const chart = (page: Page, title: RegExp) => page.getByRole('figure', { name: title });

/** Waits for Recharts, which arrives after the page (next/dynamic), to draw a chart. */
const drawn = (page: Page, title: RegExp) =>
  expect(page.getByRole('application', { name: title })).toBeVisible({ timeout: 15_000 });
const NEW_KEYS = /^New keys per (day|month) by source/;
const ACTIVITY = /^Activations and deactivations per (day|month)/;

/** Shows a chart's table (by keyboard) and reads it: every body row's cells and the footer's. */
async function readTable(figure: Locator) {
  const toggle = figure.getByRole('button', { name: 'Show as table' });
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') {
    await toggle.focus();
    await toggle.press('Space');
  }
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const table = figure.getByRole('table');
  await expect(table).toBeVisible();
  const rows = await table
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)),
    );
  const footer = await table.locator('tfoot td').allTextContents();
  return {
    heading: await table.locator('thead th').first().textContent(),
    rows: rows.map((cells) => cells.map(number)),
    totals: footer.map(number),
  };
}

/** What the database says the range holds: new keys by source, activations, deactivations. */
async function rangeFromDatabase(db: Database, range: OverviewRange) {
  const { timeZone } = await db.business.findUniqueOrThrow({ where: { id: DEMO_BUSINESS_ID } });
  const periods = periodsOf(range, new Date(), timeZone);
  const since = { gte: periods[0].start };
  const bySource = await db.licenseKey.groupBy({
    by: ['source'],
    where: { businessId: DEMO_BUSINESS_ID, createdAt: since },
    _count: { _all: true },
  });
  const source = (name: string) => bySource.find((row) => row.source === name)?._count._all ?? 0;
  const events = (action: string) =>
    db.auditEvent.count({ where: { businessId: DEMO_BUSINESS_ID, action, createdAt: since } });
  return {
    periods: periods.length,
    newKeys: [source('auto'), source('import'), source('manual')],
    activity: [
      await events('license_key_instance.activated'),
      await events('license_key_instance.deactivated'),
    ],
  };
}

test.describe('the overview of Acme Software, as its owner', () => {
  test.beforeEach(async ({ db }) => recountDemoBusiness(db));

  test('each figure leads to the key list showing exactly that many keys', async ({ page, db }) => {
    test.slow(); // seven pages
    const figures: [RegExp, string][] = [
      [/^Active keys/, '/license-keys?status=active'],
      [/^Expired/, '/license-keys?status=expired'],
      [/^Disabled/, '/license-keys?status=disabled'],
      [/^At activation limit/, '/license-keys?status=active&usage=at-limit'],
      [/^Expiring in the next 30 days/, '/license-keys?status=active&expires=next-30-days'],
    ];
    for (const [name, href] of figures) {
      await page.goto('/');
      const link = page.getByRole('link', { name });
      await expect(link).toHaveAttribute('href', href);
      const value = await figureValue(link);
      await link.click();
      await expect(page).toHaveURL(href);
      expect(await listTotal(page), `${name}`).toBe(value);
    }

    // Activations in use: X of Y over active keys with a limit, from the database itself.
    await page.goto('/');
    const now = new Date();
    const active = {
      businessId: DEMO_BUSINESS_ID,
      disabled: false,
      OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
    };
    const limited = await db.licenseKey.aggregate({
      where: { ...active, activationsLimit: { not: null } },
      _sum: { instancesCount: true, activationsLimit: true },
    });
    const inUse = page.getByRole('link', { name: /^Activations in use/ });
    await expect(inUse).toContainText(
      `${limited._sum.instancesCount!.toLocaleString('en-US')} of ${limited._sum.activationsLimit!.toLocaleString('en-US')}`,
    );
    // Its link lists exactly the keys whose seats it counts: the active keys with a limit.
    await expect(inUse).toHaveAttribute('href', '/license-keys?status=active&usage=limited');
    const unlimited = page.getByRole('link', { name: /without a limit/ });
    const unlimitedKeys = number(/Plus ([\d,]+) keys?/.exec((await unlimited.textContent())!)![1]);
    expect(unlimitedKeys).toBe(
      await db.licenseKey.count({ where: { ...active, activationsLimit: null } }),
    );
    await unlimited.click();
    await expect(page).toHaveURL('/license-keys?status=active&usage=unlimited');
    expect(await listTotal(page)).toBe(unlimitedKeys);
    await page.goto('/license-keys?status=active&usage=limited');
    expect(await listTotal(page)).toBe(
      await db.licenseKey.count({ where: { ...active, activationsLimit: { not: null } } }),
    );
  });

  test('the charts, shown as tables, hold the numbers of the database, and the range switches', async ({
    page,
    db,
  }) => {
    await page.goto('/');
    const range = page.getByRole('navigation', { name: 'Chart range' });
    await expect(range.getByRole('link', { name: '30 days' })).toHaveAttribute(
      'aria-current',
      'true',
    );
    // Recharts arrives after the page: the chart is drawn, named by its title.
    await drawn(page, NEW_KEYS);

    for (const [label, value, url] of [
      ['30 days', '30d', '/'],
      ['90 days', '90d', '/?range=90d'],
      ['12 months', '12m', '/?range=12m'],
    ] as const) {
      if (value !== '30d') {
        // A link of the switch, by keyboard.
        await range.getByRole('link', { name: label }).focus();
        await page.keyboard.press('Enter');
      }
      await expect(page).toHaveURL(url);
      await expect(range.getByRole('link', { name: label })).toHaveAttribute(
        'aria-current',
        'true',
      );
      await expect(page.getByRole('heading', { name: `Over the last ${label}` })).toBeVisible();

      const expected = await rangeFromDatabase(db, value);
      const newKeys = await readTable(chart(page, NEW_KEYS));
      expect(newKeys.heading).toBe(value === '12m' ? 'Month' : 'Day');
      expect(newKeys.rows).toHaveLength(expected.periods);
      expect(newKeys.totals, `new keys, ${label}`).toEqual([
        ...expected.newKeys,
        expected.newKeys.reduce((a, b) => a + b, 0),
      ]);
      // Each row adds up, and the rows add up to the footer.
      for (const row of newKeys.rows) expect(row[3]).toBe(row[0] + row[1] + row[2]);
      expect(newKeys.rows.reduce((sum, row) => sum + row[3], 0)).toBe(newKeys.totals[3]);

      const activity = await readTable(chart(page, ACTIVITY));
      expect(activity.rows).toHaveLength(expected.periods);
      expect(activity.totals, `activity, ${label}`).toEqual(expected.activity);
      expect(activity.rows.reduce((sum, row) => sum + row[0], 0)).toBe(activity.totals[0]);
    }
    // The demo data has activity in the last 30 days: the comparison above compared something.
    expect((await rangeFromDatabase(db, '30d')).activity[0]).toBeGreaterThan(0);
  });

  test('the latest ten activity entries, and the way to all of them', async ({ page }) => {
    await page.goto('/');
    const table = page.getByRole('table', { name: /^Latest activity/ });
    await expect(table.getByRole('rowheader')).toHaveCount(10);
    await page.getByRole('link', { name: 'View all activity' }).click();
    await expect(page).toHaveURL('/activity');
    await expect(page.getByRole('heading', { level: 1, name: 'Activity' })).toBeVisible();
  });

  test('has no axe violations, with its charts drawn and as tables', async ({ page }) => {
    await page.goto('/');
    await drawn(page, ACTIVITY);
    await expectNoAxeViolations(page);
    for (const title of [NEW_KEYS, ACTIVITY]) await readTable(chart(page, title));
    await expectNoAxeViolations(page);
  });

  test.describe('on a 390 px phone', () => {
    test.use({ viewport: { width: 390, height: 844 } });

    test('nothing scrolls sideways, charts or tables, in any range', async ({ page }) => {
      const widths = () =>
        page.evaluate(() => [
          window.innerWidth,
          document.documentElement.scrollWidth,
          document.body.scrollWidth,
        ]);
      for (const url of ['/', '/?range=90d', '/?range=12m']) {
        await page.goto(url);
        await drawn(page, ACTIVITY);
        const [window, documentWidth, bodyWidth] = await widths();
        expect(Math.max(documentWidth, bodyWidth), url).toBeLessThanOrEqual(window);
        for (const title of [NEW_KEYS, ACTIVITY]) await readTable(chart(page, title));
        const [, documentAfter, bodyAfter] = await widths();
        expect(Math.max(documentAfter, bodyAfter), `${url} as tables`).toBeLessThanOrEqual(window);
      }
    });
  });
});

test.describe('Recharts', () => {
  // A class name of Recharts' own that minifying keeps: a chunk holding it holds Recharts.
  const MARKER = 'recharts-wrapper';

  test('is in no page’s first load; only the overview fetches it, after its page', async ({
    page,
  }) => {
    test.skip(!existsSync('.next/build-manifest.json'), 'no build of this folder to read');
    const holds = (file: string) => readFileSync(path.join('.next', file)).includes(MARKER);
    const built = readdirSync('.next/static/chunks')
      .filter((name) => name.endsWith('.js'))
      .map((name) => `static/chunks/${name}`);
    // The marker finds Recharts in the build at all, so that "none" below means something.
    expect(built.filter(holds).length).toBeGreaterThan(0);
    const routes = firstLoadChunks();
    expect(routes.has('/')).toBe(true);
    for (const [route, chunks] of routes) expect(chunks.filter(holds), route).toEqual([]);

    // In the browser: the key list never fetches it; the overview does, to draw its charts.
    const fetched: string[] = [];
    page.on('response', async (response) => {
      if (response.request().resourceType() !== 'script') return;
      const body = await response.body().catch(() => Buffer.alloc(0));
      if (body.includes(MARKER)) fetched.push(new URL(page.url()).pathname);
    });
    await page.goto('/license-keys');
    await page.waitForLoadState('networkidle');
    expect(fetched).toEqual([]);
    await page.goto('/');
    await drawn(page, NEW_KEYS);
    await expect.poll(() => fetched).toEqual(['/']);
  });
});

test.describe('signed in as a support member made for this test', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('lands on the overview after sign-in, without the activity', async ({ page, db }) => {
    const { email, password } = await createStaffAccount(db, 'overview', 'Ova Support');
    await page.goto('/sign-in');
    await page.getByRole('textbox', { name: 'Email' }).fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL('/', { timeout: 20_000 });
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link').first()).toHaveText('Overview');
    await expect(nav.getByRole('link', { name: 'Overview' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expect(page.getByRole('link', { name: /^Active keys/ })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Top products by active keys' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Latest activity' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'View all activity' })).toHaveCount(0);
  });
});

test.describe('the demo support member', () => {
  test.use({ storageState: STORAGE_STATE.acmeSupport });

  test('sees the figures and charts, and no activity', async ({ page }) => {
    await page.goto('/');
    await drawn(page, NEW_KEYS);
    await expect(page.getByRole('table', { name: /^Latest activity/ })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'View all activity' })).toHaveCount(0);
  });
});

test.describe('a new business', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('says what to do first, then shows its first key', async ({ page, db }) => {
    test.slow(); // a business, a product and a key, through the dashboard
    const token = randomBytes(4).toString('hex');
    const { email, password } = await createStaffAccount(db, 'newbiz', 'Nova Owner');
    await page.goto('/sign-in');
    await page.getByRole('textbox', { name: 'Email' }).fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL('/', { timeout: 20_000 });

    await page.getByRole('link', { name: 'New business' }).click();
    await page.getByRole('textbox', { name: 'Business name' }).fill(`Nova ${token}`);
    await page.getByRole('button', { name: 'Create business' }).click();
    await expect(page).toHaveURL('/');
    await expect(page.getByRole('heading', { name: 'Get started' })).toBeVisible();
    await expect(page.getByText(`Nova ${token} has no license keys yet.`)).toBeVisible();
    await expect(page.getByRole('link', { name: 'Create a product' })).toHaveAttribute(
      'href',
      '/products/new',
    );
    await expect(page.getByRole('link', { name: 'Issue or import a key' })).toHaveAttribute(
      'href',
      '/license-keys/new',
    );
    await expect(page.getByRole('link', { name: 'Create an API key' })).toHaveAttribute(
      'href',
      '/settings/api-keys',
    );
    await expect(page.getByRole('link', { name: /^Active keys/ })).toHaveCount(0);
    await expectNoAxeViolations(page);

    // The first product: its step is done.
    await page.getByRole('link', { name: 'Create a product' }).click();
    const productName = `Nova Writer ${token}`;
    await page.getByRole('textbox', { name: 'Name' }).fill(productName);
    await page.getByRole('button', { name: 'Create product' }).click();
    await expect(page).toHaveURL(/\/products\?created=pdt_/);
    await page.getByRole('link', { name: 'Overview', exact: true }).click();
    await expect(page.getByText('Create a product (done)')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Create a product' })).toHaveCount(0);

    // The first key, issued in the dashboard: the overview counts it as it is written.
    const business = await db.business.findFirstOrThrow({ where: { name: `Nova ${token}` } });
    const customerName = `Nora Buyer ${token}`;
    await db.customer.create({
      data: {
        id: newId('cus'),
        businessId: business.id,
        name: customerName,
        email: `nora.${token}@e2e.example`,
        nameLower: customerName.toLowerCase(),
        emailLower: `nora.${token}@e2e.example`,
      },
    });
    await page.getByRole('link', { name: 'Issue or import a key' }).click();
    await choose(page, 'Customer', token, customerName);
    await choose(page, 'Product', token, productName);
    await page.getByRole('button', { name: 'Create license key' }).click();
    await expect(page).toHaveURL(/\/license-keys\/lic_/);

    await page.getByRole('link', { name: 'Overview', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Get started' })).toHaveCount(0);
    await expect(figureValue(page.getByRole('link', { name: /^Active keys/ }))).resolves.toBe(1);
    await expect(chart(page, NEW_KEYS)).toContainText('1 new: 0 auto, 0 import, 1 manual.');
    const products = page.getByRole('table', { name: 'Top products by active keys' });
    await expect(products.getByRole('row', { name: new RegExp(productName) })).toContainText(
      productName,
    );
  });
});
