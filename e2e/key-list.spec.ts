import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { parse } from 'csv-parse/sync';
import { DEMO_BUSINESS_ID } from '../lib/auth/demo-business';
import { newId } from '../lib/ids';
import { expect, test, type Scenario } from './fixtures';
import type { Database } from '../lib/database/create-client';

const DAY = 24 * 60 * 60 * 1000;

/** Keys of the scenario's product and customer, created a second apart, newest last. */
async function addKeys(
  db: Database,
  scenario: Scenario,
  count: number,
  values: (n: number) => {
    key?: string;
    expiresAt?: Date | null;
    disabled?: boolean;
    activationsLimit?: number | null;
    instancesCount?: number;
  } = () => ({}),
) {
  const start = Date.now() - count * 1000;
  const made = [];
  for (let n = 0; n < count; n++) {
    made.push(
      await db.licenseKey.create({
        data: {
          id: newId('lic'),
          businessId: DEMO_BUSINESS_ID,
          key: `LIST-${scenario.token}-${String(n).padStart(4, '0')}`,
          customerId: scenario.customer.id,
          productId: scenario.product.id,
          source: 'import',
          createdAt: new Date(start + n * 1000),
          ...values(n),
        },
      }),
    );
  }
  return made;
}

const table = (page: import('@playwright/test').Page) =>
  page.getByRole('table', { name: 'License keys' });

test('finds a key by a five-character fragment, with or without its dash', async ({
  page,
  db,
  scenario,
}) => {
  const [key] = await addKeys(db, scenario, 1, () => ({
    key: `FIND-${scenario.token.toUpperCase()}-Q7XZ2`,
  }));
  await page.goto('/license-keys');
  const search = page.getByRole('searchbox', { name: 'Search keys' });
  // The last character of the token, its dash and four of the last group: "x-q7xz" in lower case.
  const fragment = `${scenario.token.slice(-1)}-q7xz`;
  await search.fill(fragment);
  await search.press('Enter');
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(fragment)}`));
  await expect(page.getByRole('status').filter({ hasText: 'Showing' })).toHaveText(
    'Showing 1–1 of 1 key',
  );
  await expect(table(page).getByRole('rowheader')).toHaveCount(1);
  await table(page)
    .getByRole('link', { name: /Key ending/ })
    .click();
  await expect(page).toHaveURL(`/license-keys/${key.id}`);

  await page.goto(`/license-keys?q=${scenario.token}Q7XZ`);
  await expect(table(page).getByRole('rowheader')).toHaveCount(1);
  // A search that finds nothing says what was searched and offers a way out.
  await page.goto(`/license-keys?q=nothing-${scenario.token}`);
  await expect(page.getByText(`No keys match “nothing-${scenario.token}”`)).toBeVisible();
  await page.getByRole('link', { name: 'Clear search and filters' }).click();
  await expect(page).toHaveURL('/license-keys');
});

test('filters expired keys of one product, and the view survives a reload', async ({
  page,
  db,
  scenario,
}) => {
  const keys = await addKeys(db, scenario, 6, (n) => ({
    expiresAt: n % 2 === 0 ? new Date(Date.now() - (n + 1) * DAY) : new Date(Date.now() + DAY),
  }));
  await page.goto('/license-keys');
  // A changed filter applies at once once the page's script runs (before, "Search" applies it).
  await expect(page.getByRole('search', { name: 'Find license keys' })).toHaveAttribute(
    'data-ready',
    'true',
  );
  await page.getByLabel('Product').selectOption({ label: scenario.product.name });
  // The URL holds what was chosen, nothing left at its default.
  await expect(page).toHaveURL(`/license-keys?product=${scenario.product.id}`);
  await page.getByLabel('Status').selectOption('Expired');
  await expect(page).toHaveURL(`/license-keys?status=expired&product=${scenario.product.id}`);
  await expect(page.getByRole('status').filter({ hasText: 'Showing' })).toHaveText(
    'Showing 1–3 of 3 keys',
  );
  const expected = [keys[4], keys[2], keys[0]].map((key) => `Key ending ••••${key.key.slice(-4)}`);
  await expect(table(page).getByRole('rowheader')).toHaveText(expected);
  await page.reload();
  await expect(page.getByLabel('Status')).toHaveValue('expired');
  await expect(table(page).getByRole('rowheader')).toHaveText(expected);
  await page.getByLabel('Expires').selectOption('In the next 7 days');
  await expect(page.getByText('No keys match these filters')).toBeVisible();
  await page.goBack();
  await expect(page.getByLabel('Expires')).toHaveValue('');
  await expect(table(page).getByRole('rowheader')).toHaveText(expected);
});

test('filters by activations: at limit, in use, with a limit, unlimited, and back to any', async ({
  page,
  db,
  scenario,
}) => {
  const kinds = [
    { activationsLimit: 2, instancesCount: 2 }, // at its limit
    { activationsLimit: 3, instancesCount: 1 }, // in use
    { activationsLimit: null, instancesCount: 0 }, // unlimited
    { activationsLimit: 5, instancesCount: 0 },
  ];
  await addKeys(db, scenario, kinds.length, (n) => kinds[n]);
  await page.goto(`/license-keys?product=${scenario.product.id}`);
  await expect(page.getByRole('search', { name: 'Find license keys' })).toHaveAttribute(
    'data-ready',
    'true',
  );
  const status = page.getByRole('status').filter({ hasText: /^(Showing|No keys)/ });
  await expect(status).toHaveText('Showing 1–4 of 4 keys');
  for (const [option, usage, shown] of [
    ['At limit', 'at-limit', 'Showing 1–1 of 1 key'],
    ['In use', 'in-use', 'Showing 1–2 of 2 keys'],
    ['With a limit', 'limited', 'Showing 1–3 of 3 keys'],
    ['Unlimited', 'unlimited', 'Showing 1–1 of 1 key'],
  ] as const) {
    await page.getByLabel('Activations').selectOption(option);
    await expect(page).toHaveURL(`/license-keys?product=${scenario.product.id}&usage=${usage}`);
    await expect(status).toHaveText(shown);
  }
  // "Any" is the default: it leaves the URL.
  await page.getByLabel('Activations').selectOption('Any');
  await expect(page).toHaveURL(`/license-keys?product=${scenario.product.id}`);
  await expect(status).toHaveText('Showing 1–4 of 4 keys');
});

test('pages forward and back through 120 keys by cursor', async ({ page, db, scenario }) => {
  await addKeys(db, scenario, 120);
  await page.goto(`/license-keys?product=${scenario.product.id}`);
  const status = page.getByRole('status').filter({ hasText: 'Showing' });
  await expect(status).toHaveText('Showing 1–50 of 120 keys');
  const firstPage = await table(page).getByRole('rowheader').allTextContents();
  await page.getByRole('link', { name: 'Next page' }).click();
  await expect(status).toHaveText('Showing 51–100 of 120 keys');
  await page.getByRole('link', { name: 'Next page' }).click();
  await expect(status).toHaveText('Showing 101–120 of 120 keys');
  await expect(table(page).getByRole('rowheader')).toHaveCount(20);
  await expect(page.getByRole('link', { name: 'Next page' })).toHaveCount(0);
  await page.reload();
  await expect(status).toHaveText('Showing 101–120 of 120 keys');
  await page.getByRole('link', { name: 'Previous page' }).click();
  await expect(status).toHaveText('Showing 51–100 of 120 keys');
  await page.getByRole('link', { name: 'Previous page' }).click();
  await expect(status).toHaveText('Showing 1–50 of 120 keys');
  await expect(table(page).getByRole('rowheader')).toHaveText(firstPage);
  // Back and forward walk the pages as they were visited.
  await page.goBack();
  await expect(status).toHaveText('Showing 51–100 of 120 keys');
  await page.goForward();
  await expect(status).toHaveText('Showing 1–50 of 120 keys');
});

test('exports the filtered view as CSV, every page, recorded in the trail', async ({
  page,
  db,
  scenario,
}) => {
  const keys = await addKeys(db, scenario, 60, (n) => ({ disabled: n % 3 === 0 }));
  await page.goto(`/license-keys?product=${scenario.product.id}&status=disabled`);
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export CSV' }).click();
  const file = await (await download).path();
  const [header, ...rows] = parse(await readFile(file, 'utf8'), { bom: true }) as string[][];
  expect(header.slice(0, 3)).toEqual(['id', 'key', 'status']);
  const disabled = keys.filter((_, n) => n % 3 === 0).reverse();
  expect(rows.map((row) => row[0])).toEqual(disabled.map((key) => key.id));
  expect(rows.map((row) => row[1])).toEqual(disabled.map((key) => key.key));
  expect(new Set(rows.map((row) => row[2]))).toEqual(new Set(['disabled']));
  const event = await db.auditEvent.findFirst({
    where: { businessId: DEMO_BUSINESS_ID, action: 'license_key.exported' },
    orderBy: { createdAt: 'desc' },
  });
  expect(event?.summary).toContain(`product ${scenario.product.name}`);
  expect(event?.summary).toContain('status disabled');
});

test('the filtered key list has no axe violations', async ({ page, db, scenario }) => {
  await addKeys(db, scenario, 3);
  await page.goto(`/license-keys?product=${scenario.product.id}&sort=expiry`);
  await expect(table(page)).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations).toEqual([]);
});
