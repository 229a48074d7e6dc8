import type { Page } from '@playwright/test';
import { DEMO_BUSINESS_ID } from '../lib/auth/demo-business';
import { newId } from '../lib/ids';
import { expectNoAxeViolations } from './axe';
import { choose, expect, keyIdFromUrl, test, type Scenario } from './fixtures';
import { STORAGE_STATE } from './storage-state';

const TOKEN_KEY_PREFIX = 'CUSTPAGE';

/** Two keys of the scenario's customer, straight into the database. */
async function seedKeys(db: import('../lib/database/create-client').Database, scenario: Scenario) {
  for (const n of [1, 2]) {
    await db.licenseKey.create({
      data: {
        id: newId('lic'),
        businessId: DEMO_BUSINESS_ID,
        key: `${TOKEN_KEY_PREFIX}-${scenario.token.toUpperCase()}-000${n}`,
        customerId: scenario.customer.id,
        productId: scenario.product.id,
        source: 'manual',
        activationsLimit: 3,
      },
    });
  }
}

const keysTable = (page: Page, name: string) =>
  page.getByRole('table', { name: `License keys of ${name}` });

test.describe('Customers', () => {
  test('search, open the customer, see their keys, issue one with the customer chosen', async ({
    page,
    scenario,
    db,
  }) => {
    await seedKeys(db, scenario);
    await page.goto('/customers');
    await page.getByRole('searchbox', { name: 'Search customers' }).fill(scenario.token);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/customers\\?q=${scenario.token}$`));
    await expect(page.getByRole('status')).toContainText(
      `Showing 1–1 of 1 customer matching “${scenario.token}”`,
    );
    const table = page.getByRole('table', { name: 'Customers' });
    const row = table.getByRole('row').filter({ hasText: scenario.customer.email });
    await expect(row.getByRole('cell').nth(1)).toHaveText('2'); // Email, Keys, Created
    await row.getByRole('link', { name: scenario.customer.name }).click();

    await expect(page).toHaveURL(`/customers/${scenario.customer.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(scenario.customer.name);
    await expect(page.getByText(scenario.customer.email, { exact: true })).toBeVisible();
    await expect(page.locator('dd time')).toContainText('UTC');
    const keys = keysTable(page, scenario.customer.name);
    await expect(keys.getByRole('row')).toHaveCount(3); // header and two keys
    await expect(keys).toContainText(scenario.product.name);
    await expect(keys).not.toContainText(`${TOKEN_KEY_PREFIX}-`); // masked: no whole key

    await page.getByRole('link', { name: 'Issue a key' }).click();
    await expect(page).toHaveURL(`/license-keys/new?customerId=${scenario.customer.id}`);
    await expect(page.getByRole('combobox', { name: 'Customer' })).toHaveValue(
      `${scenario.customer.name} <${scenario.customer.email}>`,
    );
    await choose(page, 'Product', scenario.token, scenario.product.name);
    await page.getByRole('button', { name: 'Create license key' }).click();
    await expect(page).toHaveURL(/\/license-keys\/lic_/);
    const issued = await db.licenseKey.findUniqueOrThrow({ where: { id: keyIdFromUrl(page) } });
    expect(issued.customerId).toBe(scenario.customer.id);

    await page.goto(`/customers/${scenario.customer.id}`);
    await expect(keys.getByRole('row')).toHaveCount(4);
    await expect(keys.getByRole('link', { name: /Key ending/ }).first()).toHaveAttribute(
      'href',
      `/license-keys/${issued.id}`,
    );
  });

  test('edit the name (saved and audited); an email another customer has is refused on the field', async ({
    page,
    scenario,
    db,
  }) => {
    const otherEmail = `other.${scenario.token}@e2e.example`;
    await db.customer.create({
      data: {
        id: newId('cus'),
        businessId: DEMO_BUSINESS_ID,
        name: `Other ${scenario.token}`,
        email: otherEmail,
        nameLower: `other ${scenario.token}`,
        emailLower: otherEmail,
      },
    });
    const renamed = `Tess Quill-Marlow ${scenario.token}`;
    await page.goto(`/customers/${scenario.customer.id}`);
    const form = page.getByRole('form', { name: 'Edit customer' });
    await expect(form.getByRole('textbox', { name: 'Name' })).toHaveValue(scenario.customer.name);
    await form.getByRole('textbox', { name: 'Name' }).fill(renamed);
    await form.getByRole('button', { name: 'Save changes' }).click();
    await expect(form.getByRole('status')).toHaveText(
      `Saved changes: ${renamed} <${scenario.customer.email}>.`,
    );
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(renamed);
    const saved = { name: renamed, email: scenario.customer.email };
    const stored = () =>
      db.customer.findUniqueOrThrow({
        where: { id: scenario.customer.id },
        select: { name: true, email: true },
      });
    expect(await stored()).toEqual(saved);
    const audit = () =>
      db.auditEvent.findMany({
        where: { objectId: scenario.customer.id, action: 'customer.updated' },
        select: { summary: true },
      });
    expect(await audit()).toEqual([{ summary: expect.stringContaining(`→ “${renamed}”`) }]);

    const email = form.getByRole('textbox', { name: 'Email' });
    await email.fill(otherEmail.toUpperCase());
    await form.getByRole('textbox', { name: 'Name' }).fill(`Someone Else ${scenario.token}`);
    await form.getByRole('button', { name: 'Save changes' }).click();
    await expect(email).toHaveAccessibleDescription(/already used/);
    await expect(email).toHaveAttribute('aria-invalid', 'true');
    await expect(email).toBeFocused();
    expect(await stored()).toEqual(saved);
    expect(await audit()).toHaveLength(1);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(renamed);
  });

  test('pages forward and back; the URL keeps the page', async ({ page, db }) => {
    const total = await db.customer.count({ where: { businessId: DEMO_BUSINESS_ID } });
    expect(total).toBeGreaterThan(100); // the demo data has 240
    const status = page.getByRole('status');
    const firstName = () =>
      page.getByRole('table', { name: 'Customers' }).getByRole('rowheader').first().textContent();

    await page.goto('/customers');
    const count = total.toLocaleString('en-US');
    await expect(status).toContainText(`Showing 1–50 of ${count} customers`);
    await expect(page.getByRole('table', { name: 'Customers' }).getByRole('row')).toHaveCount(51);
    const page1 = await firstName();

    await page.getByRole('link', { name: 'Next page' }).click();
    await expect(page).toHaveURL(/\/customers\?after=/);
    await expect(status).toContainText(`Showing 51–100 of ${count} customers`);
    const page2 = await firstName();
    expect(page2).not.toBe(page1);
    await page.reload();
    await expect(status).toContainText('Showing 51–100');
    expect(await firstName()).toBe(page2);

    await page.getByRole('link', { name: 'Next page' }).click();
    await expect(status).toContainText('Showing 101–150');
    await page.getByRole('link', { name: 'Previous page' }).click();
    await expect(page).toHaveURL(/\/customers\?before=/);
    await expect(status).toContainText('Showing 51–100');
    expect(await firstName()).toBe(page2);
    await page.getByRole('link', { name: 'Previous page' }).click();
    await expect(status).toContainText('Showing 1–50');
    expect(await firstName()).toBe(page1);
    await expect(page.getByRole('link', { name: 'Previous page' })).toHaveCount(0);

    await page.goBack();
    await expect(status).toContainText('Showing 51–100');
  });

  test('a customer with more than 50 keys: the newest 50, and a link to all of them', async ({
    page,
    scenario,
    db,
  }) => {
    await db.licenseKey.createMany({
      data: Array.from({ length: 51 }, (_, n) => ({
        id: newId('lic'),
        businessId: DEMO_BUSINESS_ID,
        key: `${TOKEN_KEY_PREFIX}-${scenario.token.toUpperCase()}-M${n}`,
        customerId: scenario.customer.id,
        productId: scenario.product.id,
        source: 'manual' as const,
      })),
    });
    await page.goto(`/customers/${scenario.customer.id}`);
    await expect(keysTable(page, scenario.customer.name).getByRole('row')).toHaveCount(51);
    await expect(page.getByText('The newest 50 of 51 keys.')).toBeVisible();
    const all = page.getByRole('link', { name: `All 51 keys of ${scenario.customer.name}` });
    await expect(all).toHaveAttribute(
      'href',
      `/license-keys?q=${encodeURIComponent(scenario.customer.email)}`,
    );
    await all.click();
    await expect(page.getByRole('status').filter({ hasText: 'of 51 keys' })).toBeVisible();
  });

  test('an empty result says what was searched', async ({ page }) => {
    await page.goto('/customers?q=zz-nobody-here');
    await expect(page.getByRole('status')).toHaveText(/No customers match “zz-nobody-here”/);
    await expect(page.getByRole('table', { name: 'Customers' })).toHaveCount(0);
    await page.getByRole('link', { name: 'Show all customers' }).click();
    await expect(page.getByRole('status')).toContainText('Showing 1–50');
  });

  test("another business's customer, or no customer, is not found", async ({ page, db }) => {
    const globex = await db.customer.findFirstOrThrow({
      where: { businessId: { not: DEMO_BUSINESS_ID } },
      select: { id: true, name: true },
    });
    for (const id of [globex.id, 'cus_doesNotExist', 'cus_%00']) {
      // A real 404 although the page has a loading state: its layout looks the customer up first.
      const response = await page.goto(`/customers/${id}`);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
      await expect(page.getByRole('form', { name: 'Edit customer' })).toHaveCount(0);
      await expect(page.locator('main')).not.toContainText(globex.name);
    }
  });

  test.describe('as support', () => {
    test.use({ storageState: STORAGE_STATE.acmeSupport });

    test('support may issue a key and edit the customer', async ({ page, scenario }) => {
      await page.goto(`/customers/${scenario.customer.id}`);
      await expect(page.getByRole('link', { name: 'Issue a key' })).toBeVisible();
      await expect(page.getByRole('form', { name: 'Edit customer' })).toBeVisible();
    });
  });
});

test('no axe-core violations on the customer list', async ({ page }) => {
  await page.goto('/customers?q=a');
  await expect(page.getByRole('table', { name: 'Customers' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('no axe-core violations on a customer page, with a field error shown', async ({
  page,
  scenario,
  db,
}) => {
  await seedKeys(db, scenario);
  await page.goto(`/customers/${scenario.customer.id}`);
  await expect(keysTable(page, scenario.customer.name)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('textbox', { name: 'Email' }).fill('not an email');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('textbox', { name: 'Email' })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expectNoAxeViolations(page);
});
