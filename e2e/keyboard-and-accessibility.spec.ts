import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, keyIdFromUrl, termValue, test } from './fixtures';

/** Presses Tab until `target` has the focus; fails if it takes more than `max` presses. */
async function tabTo(page: Page, target: Locator, max = 40) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`),
  ).toEqual([]);
}

test('the whole import flow by keyboard alone', async ({ page, scenario, db }) => {
  const key = `KBD-${scenario.token}-0001`;
  await page.goto('/license-keys/new');

  await tabTo(page, page.getByRole('radio', { name: 'Generate a new key' }));
  await page.keyboard.press('ArrowDown'); // arrow keys move within a radio group
  await expect(page.getByRole('radio', { name: 'Import an existing key' })).toBeChecked();

  await tabTo(page, page.getByRole('textbox', { name: 'License key' }));
  await page.keyboard.type(key);

  await tabTo(page, page.getByRole('combobox', { name: 'Customer' }));
  await page.keyboard.type(scenario.token);
  await expect(page.getByRole('option', { name: new RegExp(scenario.token) })).toBeVisible();
  await page.keyboard.press('Enter'); // the first (here the only) match is already active
  await expect(page.getByRole('combobox', { name: 'Customer' })).toHaveValue(
    new RegExp(scenario.token),
  );

  await tabTo(page, page.getByRole('combobox', { name: 'Product' }));
  await page.keyboard.type(scenario.token);
  await expect(page.getByRole('option', { name: new RegExp(scenario.token) })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('spinbutton', { name: 'Activations limit' })).toHaveValue('4');

  await tabTo(page, page.getByRole('checkbox', { name: 'Unlimited activations' }));
  await page.keyboard.press('Space');
  await tabTo(page, page.getByRole('checkbox', { name: 'Never expires' }));
  await page.keyboard.press('Space');
  await expect(page.getByRole('checkbox', { name: 'Never expires' })).toBeChecked();

  await tabTo(page, page.getByRole('button', { name: 'Import license key' }));
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/\/license-keys\/lic_/);
  await expect(termValue(page, 'Activations')).toHaveText('0 of unlimited');
  await expect(termValue(page, 'Expires')).toHaveText('Never');
  const stored = await db.licenseKey.findUniqueOrThrow({ where: { id: keyIdFromUrl(page) } });
  expect(stored).toMatchObject({ key, source: 'import', activationsLimit: null, expiresAt: null });
});

test('no axe-core violations on the form, with errors shown, and on the result and list pages', async ({
  page,
  scenario,
}) => {
  // Five axe-core runs in one flow: more than the default 30 seconds on two busy cores.
  test.slow();
  await page.goto('/license-keys/new');
  await expect(page.getByRole('heading', { level: 1, name: 'New license key' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('radio', { name: 'Import an existing key' }).check();
  await page.getByRole('button', { name: 'Import license key' }).click();
  await expect(page.getByRole('textbox', { name: 'License key' })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expectNoAxeViolations(page);

  await page.getByRole('combobox', { name: 'Customer' }).fill(scenario.token);
  await expect(page.getByRole('option', { name: new RegExp(scenario.token) })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto('/license-keys');
  await expectNoAxeViolations(page);
  await page.getByRole('table').getByRole('link').first().click();
  await expect(page.getByRole('button', { name: 'Copy key' })).toBeVisible();
  await expectNoAxeViolations(page);
});
