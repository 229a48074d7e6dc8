import { randomBytes } from 'node:crypto';
import { DEMO_BUSINESS_ID } from '../lib/auth/demo-business';
import type { Database } from '../lib/database/create-client';
import { newId } from '../lib/ids';
import { expectNoAxeViolations } from './axe';
import { expect, test } from './fixtures';
import { expectNoSidewaysScroll } from './layout';
import { STORAGE_STATE } from './storage-state';

// Settings → Webhooks as the owner drives it: add an endpoint (errors on their fields), reveal and
// copy its secret, edit it, rotate the secret, disable and enable it, delete it. Asserts the
// screen and the database. The server allows loopback http receivers (playwright.config.ts).

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const token = () => randomBytes(4).toString('hex');

/** An endpoint of the demo business, written straight into the database. */
async function seedEndpoint(db: Database, fields: { url?: string; filterTypes?: string[] } = {}) {
  return db.webhookEndpoint.create({
    data: {
      id: newId('whk'),
      businessId: DEMO_BUSINESS_ID,
      url: fields.url ?? `http://127.0.0.1:4999/seeded/${token()}`,
      description: 'Seeded',
      filterTypes: JSON.stringify(fields.filterTypes ?? []),
      secret: `whsec_${randomBytes(24).toString('base64')}`,
    },
  });
}

test('Add endpoint: errors on their fields, then the new endpoint’s page; reveal and copy its secret', async ({
  page,
  db,
}) => {
  await page.goto('/license-keys');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Webhooks' })
    .click();
  await expect(page).toHaveURL('/settings/webhooks');
  await expect(page.getByRole('heading', { level: 1, name: 'Webhooks' })).toBeVisible();

  const add = page.getByRole('button', { name: 'Add endpoint' });
  await expect(add).toHaveAttribute('aria-expanded', 'false');
  await add.click();
  await expect(add).toHaveAttribute('aria-expanded', 'true');
  const urlBox = page.getByRole('textbox', { name: 'Endpoint URL' });
  await expect(urlBox).toBeFocused();
  await expect(page.getByRole('checkbox', { name: 'All events' })).toBeChecked();
  await expectNoAxeViolations(page);

  // Not a URL: refused on its field, which gets the focus.
  await urlBox.fill('hooks.example.com/keydesk');
  await page.getByRole('button', { name: 'Save endpoint' }).click();
  await expect(urlBox).toBeFocused();
  await expect(urlBox).toHaveAccessibleDescription(/Enter a URL such as https:\/\/example\.com/);
  await expect(urlBox).toHaveAttribute('aria-invalid', 'true');
  await urlBox.fill('https://user:secret@hooks.example.com/');
  await page.getByRole('button', { name: 'Save endpoint' }).click();
  await expect(urlBox).toHaveAccessibleDescription(/Leave the user name and password out/);
  await expectNoAxeViolations(page);

  // No event chosen: refused on the group.
  const url = `http://127.0.0.1:4999/hooks/${token()}`;
  await urlBox.fill(url);
  await page.getByRole('checkbox', { name: 'All events' }).uncheck();
  await page.getByRole('button', { name: 'Save endpoint' }).click();
  const events = page.getByRole('group', { name: 'Events to send' });
  await expect(events).toHaveAccessibleDescription(/Choose at least one event type/);
  await expect(page.getByRole('checkbox', { name: 'All events' })).toBeFocused();

  // Two types, by keyboard: checking one leaves All events.
  await page.getByRole('checkbox', { name: 'license_key.created', exact: true }).check();
  await page.getByRole('checkbox', { name: 'license_key_instance.created' }).focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('checkbox', { name: 'All events' })).not.toBeChecked();
  await page.getByRole('textbox', { name: 'Description' }).fill('CRM sync');
  await page.getByRole('button', { name: 'Save endpoint' }).click();

  await expect(page).toHaveURL(/\/settings\/webhooks\/whk_[0-9A-Za-z]+\?added=1$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Webhook endpoint' })).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'Endpoint added.' })).toBeVisible();
  const id = new URL(page.url()).pathname.split('/').at(-1)!;
  const stored = await db.webhookEndpoint.findUniqueOrThrow({ where: { id } });
  expect(stored).toMatchObject({
    businessId: DEMO_BUSINESS_ID,
    url,
    description: 'CRM sync',
    filterTypes: '["license_key.created","license_key_instance.created"]',
    disabled: false,
  });
  await expect(page.getByText(url, { exact: true })).toBeVisible();

  // Reveal: the secret, focused, in a read-only box; Copy puts it on the clipboard.
  await page.getByRole('button', { name: 'Reveal secret' }).click();
  const secretBox = page.getByRole('textbox', { name: 'Signing secret' });
  await expect(secretBox).toHaveValue(stored.secret);
  await expect(secretBox).toBeFocused();
  await page.getByRole('button', { name: 'Copy secret' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Secret copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(stored.secret);
  await expectNoAxeViolations(page);
  const viewed = await db.auditEvent.findMany({
    where: { objectId: id, action: 'webhook.secret_viewed' },
  });
  expect(viewed).toHaveLength(1);
  expect(viewed[0]).toMatchObject({ actorType: 'member', actorRole: 'owner' });

  // The list shows it.
  await page.getByRole('link', { name: 'Webhooks', exact: true }).first().click();
  const row = page.getByRole('row').filter({ hasText: url });
  await expect(row.getByRole('cell').nth(0)).toHaveText('CRM sync');
  await expect(row.getByRole('cell').nth(1).getByRole('listitem')).toHaveText([
    'license_key.created',
    'license_key_instance.created',
  ]);
  await expect(row.getByRole('cell').nth(2)).toHaveText('Enabled');
});

test('edit, rotate the secret, disable and enable, delete', async ({ page, db }) => {
  const endpoint = await seedEndpoint(db, { filterTypes: ['license_key.updated'] });
  await page.goto(`/settings/webhooks/${endpoint.id}`);
  await expect(page.getByRole('checkbox', { name: 'license_key.updated' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'All events' })).not.toBeChecked();

  // Edit: a new URL, every event.
  const url = `http://127.0.0.1:4999/edited/${token()}`;
  await page.getByRole('textbox', { name: 'Endpoint URL' }).fill(url);
  await page.getByRole('checkbox', { name: 'All events' }).check();
  await expect(page.getByRole('checkbox', { name: 'license_key.updated' })).not.toBeChecked();
  await page.getByRole('button', { name: 'Save endpoint' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Endpoint saved.' })).toBeVisible();
  expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).toMatchObject({
    url,
    filterTypes: '[]',
  });

  // Rotate: asked first (Cancel keeps the secret), then the old secret kept for 24 hours.
  await page.getByRole('button', { name: 'Rotate secret' }).click();
  const confirm = page.getByRole('button', { name: 'Yes, rotate secret' });
  await expect(confirm).toBeFocused();
  await expect(confirm).toHaveAccessibleDescription(/old one keeps verifying for 24 hours/);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Rotate secret' })).toBeFocused();
  expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).secret).toBe(
    endpoint.secret,
  );
  await page.getByRole('button', { name: 'Rotate secret' }).click();
  const before = Date.now();
  await page.getByRole('button', { name: 'Yes, rotate secret' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Secret rotated' })).toContainText(
    'the old one keeps verifying until',
  );
  const rotated = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
  expect(rotated.previousSecret).toBe(endpoint.secret);
  expect(rotated.secret).not.toBe(endpoint.secret);
  const overlap = rotated.previousSecretExpiresAt!.getTime() - before;
  expect(overlap).toBeGreaterThan(24 * 3600_000 - 60_000);
  expect(overlap).toBeLessThanOrEqual(24 * 3600_000 + 60_000);
  await page.getByRole('button', { name: 'Reveal secret' }).click();
  await expect(page.getByRole('textbox', { name: 'Signing secret' })).toHaveValue(rotated.secret);

  // Disable, then Keydesk's own reason shows; Enable clears it.
  await page.getByRole('button', { name: 'Disable endpoint' }).click();
  await expect(page.getByRole('button', { name: 'Enable endpoint' })).toBeVisible();
  expect(
    (await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).disabled,
  ).toBe(true);
  await db.webhookEndpoint.update({
    where: { id: endpoint.id },
    data: { disabledReason: 'Every delivery failed for 5 days.', failingSince: new Date() },
  });
  await page.reload();
  await expect(page.getByText('Disabled by Keydesk')).toBeVisible();
  await expect(page.getByText('Every delivery failed for 5 days.')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Enable endpoint' }).click();
  await expect(page.getByRole('button', { name: 'Disable endpoint' })).toBeVisible();
  await expect(page.getByText('Disabled by Keydesk')).toHaveCount(0);
  expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).toMatchObject({
    disabled: false,
    disabledReason: null,
    failingSince: null,
  });

  // Delete, confirmed: back to the list, which says so.
  await page.getByRole('button', { name: 'Delete endpoint' }).click();
  await page.getByRole('button', { name: 'Yes, delete endpoint' }).click();
  await expect(page).toHaveURL('/settings/webhooks?deleted=1');
  await expect(page.getByRole('status').filter({ hasText: 'Endpoint deleted.' })).toBeVisible();
  expect(await db.webhookEndpoint.count({ where: { id: endpoint.id } })).toBe(0);
  const actions = await db.auditEvent.findMany({
    where: { objectId: endpoint.id },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { action: true },
  });
  expect(actions.map((event) => event.action)).toEqual([
    'webhook.updated',
    'webhook.secret_rotated',
    'webhook.secret_viewed',
    'webhook.disabled',
    'webhook.enabled',
    'webhook.deleted',
  ]);
});

test('no axe-core violations, and nothing scrolls sideways at 390 px, on both pages', async ({
  page,
  db,
}) => {
  const endpoint = await seedEndpoint(db, {
    url: `http://127.0.0.1:4999/${'a-very-long-path-segment/'.repeat(12)}${token()}?tenant=${'x'.repeat(60)}`,
    filterTypes: ['license_key.created', 'license_key_instance.deleted'],
  });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/settings/webhooks');
  await expect(page.getByRole('heading', { level: 1, name: 'Webhooks' })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Add endpoint' }).click();
  await expect(page.getByRole('textbox', { name: 'Endpoint URL' })).toBeFocused();
  await expectNoSidewaysScroll(page);

  await page.goto(`/settings/webhooks/${endpoint.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Webhook endpoint' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Deliveries' })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await page.getByRole('button', { name: 'Reveal secret' }).click();
  await expect(page.getByRole('textbox', { name: 'Signing secret' })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);
  await db.webhookEndpoint.delete({ where: { id: endpoint.id } });
});

test.describe('as Acme support', () => {
  test.use({ storageState: STORAGE_STATE.acmeSupport });

  test('has no Webhooks link, and no Webhooks pages even by address', async ({ page, db }) => {
    const endpoint = await seedEndpoint(db);
    await page.goto('/license-keys');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'License keys' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Webhooks' })).toHaveCount(0);
    for (const path of ['/settings/webhooks', `/settings/webhooks/${endpoint.id}`]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
      await expect(page.locator('main')).not.toContainText(endpoint.url);
    }
    await db.webhookEndpoint.delete({ where: { id: endpoint.id } });
  });
});

test.describe('as the Globex owner', () => {
  test.use({ storageState: STORAGE_STATE.globexOwner });

  test('an Acme endpoint’s page is not found', async ({ page, db }) => {
    const endpoint = await seedEndpoint(db);
    const response = await page.goto(`/settings/webhooks/${endpoint.id}`);
    expect(response?.status()).toBe(404);
    await expect(page.locator('main')).not.toContainText(endpoint.url);
    await page.goto('/settings/webhooks');
    await expect(page.getByRole('heading', { level: 1, name: 'Webhooks' })).toBeVisible();
    await expect(page.locator('main')).not.toContainText(endpoint.url);
    await db.webhookEndpoint.delete({ where: { id: endpoint.id } });
  });
});
