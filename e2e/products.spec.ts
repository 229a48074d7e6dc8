import { randomBytes } from 'node:crypto';
import { DEMO_BUSINESS_ID } from '../lib/auth/demo-business';
import { expectNoAxeViolations } from './axe';
import { choose, expect, test } from './fixtures';
import { STORAGE_STATE } from './storage-state';

// The Products page as an owner drives it: create, archive, unarchive; what an archived product
// means for the key form's picker and the key list's filter. Asserts the screen and the database.

test.describe('Products', () => {
  test('create with New product: errors on their fields, by keyboard, saved with every field', async ({
    page,
    db,
  }) => {
    const token = randomBytes(4).toString('hex');
    const name = `Photo Editor ${token}`;
    await page.goto('/products');
    await page.getByRole('link', { name: 'New product' }).click();
    await expect(page).toHaveURL('/products/new');
    await expect(page.getByRole('heading', { level: 1, name: 'New product' })).toBeVisible();

    // An empty name is refused on its field, which gets the focus.
    await page.getByRole('button', { name: 'Create product' }).click();
    const nameBox = page.getByRole('textbox', { name: 'Name' });
    await expect(nameBox).toBeFocused();
    await expect(nameBox).toHaveAccessibleDescription('Enter the product name.');
    await expectNoAxeViolations(page);

    // By keyboard: the name, the description, then the key defaults.
    await nameBox.fill(name);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('textbox', { name: 'Description' })).toBeFocused();
    await page.keyboard.type('Edits photos.');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Second line.');
    await page.getByRole('checkbox', { name: 'Unlimited activations' }).uncheck();
    await page.getByRole('spinbutton', { name: /activations limit/i }).fill('2');
    await page.getByRole('checkbox', { name: 'Keys never expire' }).uncheck();
    await page.getByRole('spinbutton', { name: 'Key lifetime' }).fill('30');
    await page.getByRole('combobox', { name: 'Lifetime unit' }).selectOption('day');
    await page.getByRole('textbox', { name: 'Key prefix' }).fill('photo');
    await page.getByRole('textbox', { name: 'Key prefix' }).press('Enter');

    await expect(page).toHaveURL(/\/products\?created=pdt_/);
    await expect(page.getByRole('status').filter({ hasText: 'Created' })).toHaveText(
      `Created ${name}.`,
    );
    const product = await db.product.findFirstOrThrow({
      where: { businessId: DEMO_BUSINESS_ID, name },
    });
    expect(product).toMatchObject({
      description: 'Edits photos.\nSecond line.',
      licenseKeyActivationsLimit: 2,
      licenseKeyDurationCount: 30,
      licenseKeyDurationInterval: 'day',
      keyPrefix: 'PHOTO',
      archivedAt: null,
    });
    const row = page.getByRole('row').filter({ hasText: name });
    await expect(row.getByRole('cell').nth(1)).toHaveText('30 days'); // limit, lifetime, prefix
    await expect(row).toContainText('Edits photos.');
    expect((await db.auditEvent.findFirstOrThrow({ where: { objectId: product.id } })).action).toBe(
      'product.created',
    );
  });

  test('archive (asked first; gone from the picker, marked in the key filter), then unarchive', async ({
    page,
    scenario,
    db,
  }) => {
    test.slow(); // several pages, two of them the key form and the key list
    const { token, product } = scenario;
    const { name } = product;
    await page.goto('/products');
    const row = page.getByRole('row').filter({ hasText: name });

    // Archive asks first; Escape cancels and gives the focus back.
    await row.getByRole('button', { name: `Archive ${name}` }).click();
    const confirm = row.getByRole('button', { name: `Yes, archive ${name}` });
    await expect(confirm).toBeFocused();
    await expectNoAxeViolations(page);
    await page.keyboard.press('Escape');
    await expect(row.getByRole('button', { name: `Archive ${name}` })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(confirm).toBeFocused();
    await page.keyboard.press('Enter');
    const unarchive = row.getByRole('button', { name: `Unarchive ${name}` });
    await expect(unarchive).toBeVisible();
    await expect(row.getByText('Archived', { exact: true })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'is archived' })).toHaveText(
      `${name} is archived.`,
    );
    await expect
      .poll(
        async () => (await db.product.findUniqueOrThrow({ where: { id: product.id } })).archivedAt,
      )
      .not.toBeNull();
    const events = await db.auditEvent.findMany({
      where: { objectType: 'product', objectId: product.id },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    expect(events.map((event) => [event.action, event.actorRole])).toEqual([
      ['product.archived', 'owner'],
    ]);

    // The key form's picker no longer offers it; the key list's filter still does, marked.
    await page.goto('/license-keys/new');
    const picker = page.getByRole('combobox', { name: 'Product' });
    await picker.fill(token);
    await expect(page.getByText('No products match')).toBeVisible();
    await page.goto('/license-keys');
    await expect(
      page.getByRole('combobox', { name: 'Product' }).getByRole('option', {
        name: `${name} (archived)`,
      }),
    ).toHaveCount(1);

    // Unarchive: at once, and the picker offers it again.
    await page.goto('/products');
    await page.getByRole('button', { name: `Unarchive ${name}` }).click();
    await expect(row.getByRole('button', { name: `Archive ${name}` })).toBeVisible();
    await expect(row.getByText('Archived', { exact: true })).toHaveCount(0);
    expect(
      (await db.product.findUniqueOrThrow({ where: { id: product.id } })).archivedAt,
    ).toBeNull();
    await page.goto('/license-keys/new');
    await picker.fill(token);
    await expect(page.getByRole('option', { name: new RegExp(name) })).toBeVisible();
  });

  test('a product archived while its key was being issued is refused on the Product field', async ({
    page,
    scenario,
    db,
  }) => {
    await page.goto('/license-keys/new');
    await choose(page, 'Customer', scenario.token, scenario.customer.name);
    await choose(page, 'Product', scenario.token, scenario.product.name);
    await db.product.update({
      where: { id: scenario.product.id },
      data: { archivedAt: new Date() },
    });
    await page.getByRole('button', { name: 'Create license key' }).click();
    const product = page.getByRole('combobox', { name: 'Product' });
    await expect(product).toHaveAccessibleDescription(/This product is archived/);
    await expect(product).toHaveAttribute('aria-invalid', 'true');
    expect(await db.licenseKey.count({ where: { productId: scenario.product.id } })).toBe(0);
  });

  test('edit keeps the description and the key defaults in one form', async ({
    page,
    scenario,
    db,
  }) => {
    await page.goto('/products');
    await page.getByRole('link', { name: `Edit ${scenario.product.name}` }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      `Edit ${scenario.product.name}`,
    );
    await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue(scenario.product.name);
    await page.getByRole('textbox', { name: 'Description' }).fill('Now with a description.');
    await page.getByRole('button', { name: 'Save product' }).click();
    await expect(page).toHaveURL(`/products?saved=${scenario.product.id}`);
    const stored = await db.product.findUniqueOrThrow({ where: { id: scenario.product.id } });
    expect(stored).toMatchObject({
      description: 'Now with a description.',
      licenseKeyActivationsLimit: 4,
      keyPrefix: 'QUILL',
    });
  });
});

test.describe('as Acme support', () => {
  test.use({ storageState: STORAGE_STATE.acmeSupport });

  test('sees products but cannot create, edit or archive them', async ({ page, scenario }) => {
    await page.goto('/products');
    await expect(page.getByRole('row').filter({ hasText: scenario.product.name })).toBeVisible();
    await expect(page.getByRole('link', { name: 'New product' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Archive / })).toHaveCount(0);
    const response = await page.goto('/products/new');
    expect(response?.status()).toBe(403);
  });
});
