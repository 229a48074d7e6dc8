import { choose, expect, keyIdFromUrl, termValue, test } from './fixtures';

test.describe('Issue or import a license key', () => {
  test('generate: the chosen customer and product, Active, Manual, 0 of N', async ({
    page,
    scenario,
    db,
  }) => {
    await page.goto('/license-keys/new');
    await expect(page.getByRole('heading', { level: 1, name: 'New license key' })).toBeVisible();
    await expect(page.getByRole('radio', { name: 'Generate a new key' })).toBeChecked();

    await choose(page, 'Customer', scenario.token, scenario.customer.email);
    await choose(page, 'Product', `quillwriter ${scenario.token}`, scenario.product.name);
    // The product's defaults: 4 activations, keys last a year.
    await expect(page.getByRole('spinbutton', { name: 'Activations limit' })).toHaveValue('4');
    await expect(page.getByRole('checkbox', { name: 'Never expires' })).not.toBeChecked();
    await page.getByRole('spinbutton', { name: 'Activations limit' }).fill('7');
    await page.getByRole('button', { name: 'Create license key' }).click();

    await expect(page).toHaveURL(/\/license-keys\/lic_/);
    const id = keyIdFromUrl(page);
    await expect(termValue(page, 'Status')).toHaveText('Active');
    await expect(termValue(page, 'Source')).toHaveText('Manual');
    await expect(termValue(page, 'Activations')).toHaveText('0 of 7');
    await expect(termValue(page, 'Customer')).toContainText(scenario.customer.name);
    await expect(termValue(page, 'Product')).toHaveText(scenario.product.name);
    await expect(termValue(page, 'Expires')).toContainText('UTC');
    await expect(page.getByRole('button', { name: 'Copy key' })).toBeVisible();

    const stored = await db.licenseKey.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({
      source: 'manual',
      activationsLimit: 7,
      customerId: scenario.customer.id,
      productId: scenario.product.id,
      instancesCount: 0,
    });
    expect(stored.key).toMatch(/^QUILL-/);
    await expect(page.getByTestId('license-key')).toHaveText(stored.key);
    // About a year from now, from the product's default.
    const days = (stored.expiresAt!.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(360);
    expect(days).toBeLessThan(370);

    await page.reload();
    await expect(termValue(page, 'Status')).toHaveText('Active');
    await page.getByRole('link', { name: 'Issue another key' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'New license key' })).toBeVisible();
  });

  test('import: shows Import and the key as typed', async ({ page, scenario, db }) => {
    const key = `LEGACY-${scenario.token}-7781`;
    await page.goto('/license-keys/new');
    await page.getByRole('radio', { name: 'Import an existing key' }).check();
    await page.getByRole('textbox', { name: 'License key' }).fill(`  ${key}  `);
    await choose(page, 'Customer', scenario.customer.name, scenario.customer.name);
    await choose(page, 'Product', scenario.token, scenario.product.name);
    await page.getByRole('button', { name: 'Import license key' }).click();

    await expect(page).toHaveURL(/\/license-keys\/lic_/);
    await expect(page.getByTestId('license-key')).toHaveText(key);
    await expect(termValue(page, 'Source')).toHaveText('Import');
    await expect(termValue(page, 'Status')).toHaveText('Active');
    expect(await db.licenseKey.findUnique({ where: { key } })).toMatchObject({ source: 'import' });
  });

  test('import of an existing key: "already exists" on the field, nothing written', async ({
    page,
    scenario,
    db,
  }) => {
    const existing = await db.licenseKey.findFirstOrThrow({ select: { key: true } });
    const before = await db.licenseKey.count();
    await page.goto('/license-keys/new');
    await page.getByRole('radio', { name: 'Import an existing key' }).check();
    await page.getByRole('textbox', { name: 'License key' }).fill(existing.key);
    await choose(page, 'Customer', scenario.token, scenario.customer.name);
    await choose(page, 'Product', scenario.token, scenario.product.name);
    await page.getByRole('button', { name: 'Import license key' }).click();

    const field = page.getByRole('textbox', { name: 'License key' });
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription(/already exists/);
    await expect(page.getByRole('alert').filter({ hasText: 'already exists' })).toBeVisible();
    await expect(page).toHaveURL(/\/license-keys\/new$/);
    expect(await db.licenseKey.count()).toBe(before);
  });

  test('a generated key with a past expiry is refused on the field', async ({
    page,
    scenario,
    db,
  }) => {
    const before = await db.licenseKey.count();
    await page.goto('/license-keys/new');
    await choose(page, 'Customer', scenario.token, scenario.customer.name);
    await choose(page, 'Product', scenario.token, scenario.product.name);
    await page.getByLabel('Expires at').fill('2024-03-01T09:30');
    await page.getByRole('button', { name: 'Create license key' }).click();
    await expect(page.getByLabel('Expires at')).toHaveAccessibleDescription(/future/);
    expect(await db.licenseKey.count()).toBe(before);
  });

  test('unlimited activations show 0 of unlimited', async ({ page, scenario }) => {
    await page.goto('/license-keys/new');
    await choose(page, 'Customer', scenario.token, scenario.customer.name);
    await choose(page, 'Product', scenario.token, scenario.product.name);
    await page.getByRole('checkbox', { name: 'Unlimited activations' }).check();
    await expect(page.getByRole('spinbutton', { name: 'Activations limit' })).toBeDisabled();
    await page.getByRole('checkbox', { name: 'Never expires' }).check();
    await page.getByRole('button', { name: 'Create license key' }).click();

    await expect(page).toHaveURL(/\/license-keys\/lic_/);
    await expect(termValue(page, 'Activations')).toHaveText('0 of unlimited');
    await expect(termValue(page, 'Expires')).toHaveText('Never');
  });

  test('submitting empty: errors on the pickers, announced, nothing written', async ({
    page,
    db,
  }) => {
    const before = await db.licenseKey.count();
    await page.goto('/license-keys/new');
    await page.getByRole('button', { name: 'Create license key' }).click();
    const customer = page.getByRole('combobox', { name: 'Customer' });
    await expect(customer).toHaveAttribute('aria-invalid', 'true');
    await expect(customer).toHaveAccessibleDescription(/Choose a customer/);
    await expect(page.getByRole('combobox', { name: 'Product' })).toHaveAccessibleDescription(
      /Choose a product/,
    );
    await expect(page.getByRole('alert').filter({ hasText: 'Choose a customer' })).toBeVisible();
    await expect(customer).toBeFocused();
    expect(await db.licenseKey.count()).toBe(before);
  });

  test('pickers say when nothing matches', async ({ page }) => {
    await page.goto('/license-keys/new');
    await page.getByRole('combobox', { name: 'Customer' }).fill('zzqx-nobody-matches');
    await expect(page.getByText('No customers match')).toBeVisible();
    await page.getByRole('combobox', { name: 'Product' }).fill('zzqx-no-product');
    await expect(page.getByText('No products match')).toBeVisible();
  });

  test('the list shows the new key masked, linking to its page', async ({ page, scenario }) => {
    const key = `LISTED-${scenario.token}-4242`;
    await page.goto('/license-keys/new');
    await page.getByRole('radio', { name: 'Import an existing key' }).check();
    await page.getByRole('textbox', { name: 'License key' }).fill(key);
    await choose(page, 'Customer', scenario.token, scenario.customer.name);
    await choose(page, 'Product', scenario.token, scenario.product.name);
    await page.getByRole('button', { name: 'Import license key' }).click();
    await expect(page).toHaveURL(/\/license-keys\/lic_/);
    const id = new URL(page.url()).pathname;

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'License keys' })
      .click();
    const row = page.getByRole('row').filter({ hasText: scenario.customer.name });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('••••4242');
    await expect(row).not.toContainText(key);
    await expect(row).toContainText('Import');
    await row.getByRole('link', { name: /Key ending/ }).click();
    await expect(page).toHaveURL(id);
  });
});

test.describe('In a browser east of UTC', () => {
  test.use({ timezoneId: 'Europe/Berlin' });

  test('an imported key with a past expiry shows Expired, at the instant meant in the browser zone', async ({
    page,
    scenario,
  }) => {
    // The browser is in Berlin (UTC+01:00 in March): 09:30 there is 08:30 UTC.
    await page.goto('/license-keys/new');
    await page.getByRole('radio', { name: 'Import an existing key' }).check();
    await page.getByRole('textbox', { name: 'License key' }).fill(`OLD-${scenario.token}-2019`);
    await choose(page, 'Customer', scenario.token, scenario.customer.name);
    await choose(page, 'Product', scenario.token, scenario.product.name);
    await page.getByRole('checkbox', { name: 'Never expires' }).uncheck();
    await page.getByLabel('Expires at').fill('2024-03-01T09:30');
    await page.getByRole('button', { name: 'Import license key' }).click();

    await expect(page).toHaveURL(/\/license-keys\/lic_/);
    await expect(termValue(page, 'Status')).toHaveText('Expired');
    await expect(termValue(page, 'Expires')).toHaveText('1 Mar 2024, 08:30 UTC');
  });
});
