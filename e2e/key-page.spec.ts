import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../lib/auth/demo-accounts';
import { DEMO_BUSINESS_ID, GLOBEX_BUSINESS_ID } from '../lib/auth/demo-business';
import type { Database } from '../lib/database/create-client';
import { newId } from '../lib/ids';
import { expect, keyIdFromUrl, termValue, test, type Scenario } from './fixtures';
import { STORAGE_STATE } from './storage-state';

// The key page: Edit key, Renew, Issue another key, the arrival after creating a key.

/** A key of the scenario's customer and product with `instances` activations in use. */
async function seedKey(
  db: Database,
  scenario: Scenario,
  { limit = 3, instances = 0, expiresAt = null as string | null, productId = scenario.product.id },
) {
  const key = await db.licenseKey.create({
    data: {
      id: newId('lic'),
      businessId: DEMO_BUSINESS_ID,
      key: `PAGE-${scenario.token}-${newId('lic').slice(-6)}`,
      customerId: scenario.customer.id,
      productId,
      activationsLimit: limit,
      instancesCount: instances,
      expiresAt: expiresAt === null ? null : new Date(expiresAt),
      source: 'manual',
    },
  });
  for (let i = 1; i <= instances; i++) {
    await db.licenseKeyInstance.create({
      data: {
        id: newId('lki'),
        businessId: DEMO_BUSINESS_ID,
        licenseKeyId: key.id,
        name: `Laptop ${i}`,
      },
    });
  }
  return key;
}

async function storedKey(db: Database, id: string) {
  return db.licenseKey.findUniqueOrThrow({
    where: { id },
    select: { activationsLimit: true, expiresAt: true },
  });
}

/** The history's entries, as text. */
function history(page: Page) {
  return page.getByRole('region', { name: 'History' }).getByRole('listitem');
}

/** Holds every server action's POST for `ms`, so that a pending state can be seen. */
async function slowActions(page: Page, ms = 800) {
  await page.route('**/license-keys/**', async (route) => {
    if (route.request().method() === 'POST') await new Promise((done) => setTimeout(done, ms));
    await route.continue();
  });
}

test('Edit key: a limit below the activations in use is refused on the field; a higher one and Never expires are saved and in the history', async ({
  page,
  scenario,
  db,
}) => {
  const key = await seedKey(db, scenario, { instances: 3, expiresAt: '2027-06-01T09:30:00Z' });
  await page.goto(`/license-keys/${key.id}`);
  await expect(termValue(page, 'Activations')).toHaveText('3 of 3');

  const toggle = page.getByRole('button', { name: 'Edit key' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const limit = page.getByRole('spinbutton', { name: 'Activations limit' });
  await expect(limit).toHaveValue('3');
  await expect(page.getByRole('checkbox', { name: 'Unlimited activations' })).not.toBeChecked();
  await expect(page.getByLabel('Expires at')).not.toHaveValue('');
  await expect(page.getByRole('checkbox', { name: 'Never expires' })).not.toBeChecked();

  // Below the 3 activations in use: refused on the field, nothing changes.
  await limit.fill('2');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(limit).toHaveAttribute('aria-invalid', 'true');
  await expect(limit).toHaveAccessibleDescription(/3 activations are in use/);
  await expect(page.getByRole('alert').filter({ hasText: 'in use' })).toBeVisible();
  await expect(limit).toBeFocused();
  expect(await storedKey(db, key.id)).toEqual({
    activationsLimit: 3,
    expiresAt: new Date('2027-06-01T09:30:00Z'),
  });
  expect(
    await db.auditEvent.count({ where: { objectId: key.id, action: 'license_key.limit_changed' } }),
  ).toBe(0);

  // Raised: saved, shown, and in the history with the old and the new value.
  await slowActions(page);
  await limit.fill('5');
  const save = page.getByRole('button', { name: 'Save changes' });
  await save.click();
  await expect(save).toHaveAttribute('aria-busy', 'true');
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toHaveText(
    'Saved. 5 activations; expires on 1 Jun 2027, 09:30 UTC.',
  );
  await expect(save).not.toHaveAttribute('aria-busy');
  await expect(limit).not.toHaveAttribute('aria-invalid');
  await expect(termValue(page, 'Activations')).toHaveText(/^3 of 5/);
  await expect(history(page).filter({ hasText: 'Changed the activations limit' })).toHaveText(
    /^Changed the activations limit from 3 to 5 by Morgan Reyes \(owner\)/,
  );
  expect((await storedKey(db, key.id)).activationsLimit).toBe(5);

  // Never expires: the expiry goes, and so does Renew (nothing to renew).
  await expect(page.getByRole('button', { name: 'Renew for 1 year' })).toBeVisible();
  await page.getByRole('checkbox', { name: 'Never expires' }).check();
  await expect(page.getByLabel('Expires at')).toBeDisabled();
  await save.click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toHaveText(
    'Saved. 5 activations; never expires.',
  );
  await expect(termValue(page, 'Expires')).toHaveText('Never');
  await expect(history(page).filter({ hasText: 'Changed the expiry' })).toHaveText(
    /^Changed the expiry from 1 Jun 2027, 09:30 UTC to never by Morgan Reyes/,
  );
  await expect(page.getByRole('button', { name: /^Renew for/ })).toHaveCount(0);
  expect(await storedKey(db, key.id)).toEqual({ activationsLimit: 5, expiresAt: null });
});

test('Renew: from the current expiry while the key runs, from now once expired; the button says by how much', async ({
  page,
  scenario,
  db,
}) => {
  // The scenario's product: keys last 1 year.
  const running = await seedKey(db, scenario, { expiresAt: '2027-05-20T10:15:00Z' });
  await page.goto(`/license-keys/${running.id}`);
  await expect(termValue(page, 'Expires')).toHaveText('20 May 2027, 10:15 UTC');
  await slowActions(page);
  const renew = page.getByRole('button', { name: 'Renew for 1 year' });
  await renew.click();
  await expect(renew).toHaveAttribute('aria-busy', 'true');
  await expect(page.getByRole('status').filter({ hasText: 'Renewed' })).toHaveText(
    'Renewed. The key now expires on 20 May 2028, 10:15 UTC.',
  );
  await expect(termValue(page, 'Expires')).toHaveText('20 May 2028, 10:15 UTC');
  await expect(history(page).filter({ hasText: 'Changed the expiry' })).toHaveText(
    /^Changed the expiry from 20 May 2027, 10:15 UTC to 20 May 2028, 10:15 UTC by Morgan Reyes/,
  );
  expect((await storedKey(db, running.id)).expiresAt?.toISOString()).toBe(
    '2028-05-20T10:15:00.000Z',
  );

  // An expired key of a product whose keys last 30 days: 30 days from now.
  const monthly = await db.product.create({
    data: {
      id: newId('pdt'),
      businessId: DEMO_BUSINESS_ID,
      name: `Monthly ${scenario.token}`,
      nameLower: `monthly ${scenario.token}`,
      licenseKeyDurationCount: 30,
      licenseKeyDurationInterval: 'day',
    },
  });
  const expired = await seedKey(db, scenario, {
    expiresAt: '2025-01-15T00:00:00Z',
    productId: monthly.id,
  });
  await page.goto(`/license-keys/${expired.id}`);
  await expect(termValue(page, 'Status')).toHaveText('Expired');
  const before = Date.now();
  await page.getByRole('button', { name: 'Renew for 30 days' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Renewed' })).toBeVisible();
  const after = Date.now();
  await expect(termValue(page, 'Status')).toHaveText('Active');
  const renewed = (await storedKey(db, expired.id)).expiresAt!.getTime();
  expect(renewed).toBeGreaterThanOrEqual(before + 30 * 86_400_000 - 1_000);
  expect(renewed).toBeLessThanOrEqual(after + 30 * 86_400_000 + 1_000);

  // No Renew for a product without a lifetime, nor for a key that never expires.
  await db.product.update({
    where: { id: monthly.id },
    data: { licenseKeyDurationCount: null, licenseKeyDurationInterval: null },
  });
  await page.reload();
  await expect(page.getByRole('button', { name: 'Edit key' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Renew for/ })).toHaveCount(0);
  const forever = await seedKey(db, scenario, {});
  await page.goto(`/license-keys/${forever.id}`);
  await expect(page.getByRole('button', { name: 'Edit key' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Renew for/ })).toHaveCount(0);
});

test('Issue another key opens the form with the customer and the product chosen; the new key says it was created and has the focus', async ({
  page,
  scenario,
  db,
}) => {
  const key = await seedKey(db, scenario, { expiresAt: '2027-05-20T10:15:00Z' });
  await page.goto(`/license-keys/${key.id}`);
  // Reached without creating a key: no such message, the focus where a page load leaves it.
  await expect(page.getByRole('heading', { level: 1 })).not.toBeFocused();
  await expect(page.getByText('License key created')).toHaveCount(0);
  await expect(page.getByRole('link', { name: scenario.customer.name })).toHaveAttribute(
    'href',
    `/customers/${scenario.customer.id}`,
  );

  await page.getByRole('link', { name: 'Issue another key' }).click();
  await expect(page).toHaveURL(
    `/license-keys/new?customerId=${scenario.customer.id}&productId=${scenario.product.id}`,
  );
  await expect(page.getByRole('combobox', { name: 'Customer' })).toHaveValue(
    `${scenario.customer.name} <${scenario.customer.email}>`,
  );
  await expect(page.getByRole('combobox', { name: 'Product' })).toHaveValue(scenario.product.name);
  // The product's defaults, as when it is chosen by hand: 4 activations, keys last 1 year.
  await expect(page.getByRole('spinbutton', { name: 'Activations limit' })).toHaveValue('4');
  await expect(page.getByRole('checkbox', { name: 'Never expires' })).not.toBeChecked();
  await expect(page.getByLabel('Expires at')).not.toHaveValue('');

  await page.getByRole('button', { name: 'Create license key' }).click();
  await expect(page).toHaveURL(/\/license-keys\/lic_[A-Za-z0-9]+\?created=1$/);
  await expect(page.getByRole('status').filter({ hasText: 'License key created' })).toBeVisible();
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(`License key for ${scenario.product.name}`);
  await expect(heading).toBeFocused();
  const created = await db.licenseKey.findUniqueOrThrow({ where: { id: keyIdFromUrl(page) } });
  expect(created).toMatchObject({
    customerId: scenario.customer.id,
    productId: scenario.product.id,
    activationsLimit: 4,
  });
  const days = (created.expiresAt!.getTime() - Date.now()) / 86_400_000;
  expect(days).toBeGreaterThan(360);
  expect(days).toBeLessThan(370);
});

test("ids of another business in the form's query are ignored", async ({ page, db, scenario }) => {
  const name = `Globex Buyer ${scenario.token}`;
  const customer = await db.customer.create({
    data: {
      id: newId('cus'),
      businessId: GLOBEX_BUSINESS_ID,
      name,
      email: `globex.${scenario.token}@e2e.example`,
      nameLower: name.toLowerCase(),
      emailLower: `globex.${scenario.token}@e2e.example`,
    },
  });
  const product = await db.product.create({
    data: {
      id: newId('pdt'),
      businessId: GLOBEX_BUSINESS_ID,
      name: `Globex App ${scenario.token}`,
      nameLower: `globex app ${scenario.token}`,
    },
  });
  await page.goto(`/license-keys/new?customerId=${customer.id}&productId=${product.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'New license key' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Customer' })).toHaveValue('');
  await expect(page.getByRole('combobox', { name: 'Product' })).toHaveValue('');
  await expect(page.getByRole('spinbutton', { name: 'Activations limit' })).toHaveValue('1');
});

test.describe('as Acme support', () => {
  test.use({ storageState: STORAGE_STATE.acmeSupport });

  // Changing a key's limit and expiry is keys:edit, which support has (lib/auth/permissions.ts):
  // "I need one more activation" is a support request.
  test('support edits and renews, and the history says who', async ({ page, scenario, db }) => {
    const key = await seedKey(db, scenario, { instances: 1, expiresAt: '2027-05-20T10:15:00Z' });
    await page.goto(`/license-keys/${key.id}`);
    await page.getByRole('button', { name: 'Edit key' }).click();
    await page.getByRole('spinbutton', { name: 'Activations limit' }).fill('4');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(termValue(page, 'Activations')).toHaveText(/^1 of 4/);
    await page.getByRole('button', { name: 'Renew for 1 year' }).click();
    await expect(termValue(page, 'Expires')).toHaveText('20 May 2028, 10:15 UTC');
    const support = `${DEMO_ACCOUNTS.acmeSupport.name} (support)`;
    await expect(history(page).filter({ hasText: `by ${support}` })).toHaveCount(2);
    expect(await storedKey(db, key.id)).toEqual({
      activationsLimit: 4,
      expiresAt: new Date('2028-05-20T10:15:00Z'),
    });
  });
});

test('no axe-core violations on the key page with Edit key open and an error shown', async ({
  page,
  scenario,
  db,
}) => {
  test.setTimeout(60_000);
  const key = await seedKey(db, scenario, { instances: 2, expiresAt: '2027-05-20T10:15:00Z' });
  await page.goto(`/license-keys/${key.id}`);
  await page.getByRole('button', { name: 'Edit key' }).click();
  const limit = page.getByRole('spinbutton', { name: 'Activations limit' });
  await limit.fill('1');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(limit).toHaveAccessibleDescription(/in use/);
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`),
  ).toEqual([]);
});
