import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import {
  scratchDatabase,
  startProcess,
  stopServer,
  waitUntilUp,
  type AppProcess,
} from './support/app-server';

// A real installation from nothing, as a merchant meets it: `npm start` on an empty database with
// KEYDESK_SEED_DEMO=0 prints a setup link; the link makes the business and its owner. The spec
// starts its own `npm start` (port E2E_PORT + 3) on a scratch database of the run's engine, using
// the suite's build (the suite's server builds before any spec runs).

const port = Number(process.env.E2E_PORT ?? 3100) + 3;
const origin = `http://127.0.0.1:${port}`;
const OWNER = {
  businessName: 'Northwind Apps',
  name: 'Robin Park',
  email: 'robin@northwind.example',
  password: 'northwind-owner-2026',
};

test.describe.configure({ mode: 'serial' });
// Nobody is signed in on this server.
test.use({ storageState: { cookies: [], origins: [] } });

let server: AppProcess;
let database: Awaited<ReturnType<typeof scratchDatabase>>;
let setupLink = '';

test.beforeAll(async ({}, testInfo) => {
  testInfo.setTimeout(600_000);
  database = await scratchDatabase(process.env.DATABASE_URL ?? '', 'fresh');
  server = startProcess('npm', ['start'], {
    ...process.env,
    DATABASE_URL: database.url,
    PORT: String(port),
    HOSTNAME: '127.0.0.1',
    KEYDESK_URL: origin,
    KEYDESK_SEED_DEMO: '0',
    NEXT_TELEMETRY_DISABLED: '1',
  });
  await waitUntilUp(origin, server);
  const printed = server.output.join('').match(/(http:\/\/\S+\/setup\?token=[A-Za-z0-9_-]{43})/);
  expect(printed, server.output.join('')).not.toBeNull();
  setupLink = printed![1];
});

test.afterAll(async ({}, testInfo) => {
  testInfo.setTimeout(60_000);
  if (server) await stopServer(server);
  await database?.remove();
});

test('npm start prints a setup link for the installation’s address, and only that link opens setup', async ({
  page,
}) => {
  expect(setupLink.startsWith(`${origin}/setup?token=`)).toBe(true);
  // Without the token, or with a wrong one, there is no form.
  for (const url of [`${origin}/setup`, `${origin}/setup?token=${'A'.repeat(43)}`]) {
    await page.goto(url);
    await expect(page.getByRole('heading', { name: 'Set up Keydesk' })).toBeVisible();
    await expect(
      page.getByRole('alert').filter({ hasText: 'This setup link does not work' }),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Create business' })).toHaveCount(0);
  }
  // Nobody can sign in yet: there is no account.
  await page.goto(`${origin}/license-keys`);
  await expect(page).toHaveURL(/\/sign-in/);
});

test('the setup link makes the business and its owner, signs them in, and is gone afterwards', async ({
  page,
}) => {
  await page.goto(setupLink);
  await expect(page.getByRole('heading', { name: 'Set up Keydesk' })).toBeVisible();
  await expectNoAxeViolations(page);

  // Bad input is told on its field and changes nothing.
  await page.getByRole('button', { name: 'Create business' }).click();
  await expect(page.getByRole('textbox', { name: 'Business name' })).toBeFocused();
  await expect(page.getByText('Enter the business name.')).toBeVisible();
  await page.getByRole('textbox', { name: 'Business name' }).fill(OWNER.businessName);
  await page.getByRole('textbox', { name: 'Your name' }).fill(OWNER.name);
  await page.getByRole('textbox', { name: 'Email' }).fill('robin');
  await page.getByRole('textbox', { name: 'Password' }).fill('short');
  await page.getByRole('button', { name: 'Create business' }).click();
  await expect(page.getByRole('textbox', { name: 'Email' })).toHaveAccessibleDescription(
    /Enter an email address/,
  );
  await expect(page.getByRole('textbox', { name: 'Password' })).toHaveAccessibleDescription(
    /at least 10 characters/,
  );

  await page.getByRole('textbox', { name: 'Email' }).fill(OWNER.email);
  await page.getByRole('textbox', { name: 'Password' }).fill(OWNER.password);
  await page.getByRole('button', { name: 'Create business' }).click();
  await expect(page).toHaveURL(`${origin}/license-keys`);
  await expect(page.getByRole('banner')).toContainText(OWNER.businessName);
  await expect(page.getByRole('banner')).toContainText(OWNER.name);

  // Setup is over: the link and the page are gone.
  const again = await page.goto(setupLink);
  expect(again?.status()).toBe(404);
});

test('the owner signs in again, and makes a second business with "New business"', async ({
  page,
}) => {
  await page.goto(`${origin}/sign-in`);
  await page.getByRole('textbox', { name: 'Email' }).fill(OWNER.email);
  await page.getByLabel('Password').fill(OWNER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${origin}/license-keys`);

  await page.getByRole('link', { name: 'New business' }).click();
  await expect(page.getByRole('heading', { name: 'New business' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('textbox', { name: 'Business name' }).fill('Northwind Games');
  await page.getByRole('button', { name: 'Create business' }).click();
  await expect(page).toHaveURL(`${origin}/license-keys`);
  const switcher = page.getByRole('combobox', { name: 'Business' });
  await expect(switcher).toHaveValue(/^bus_/);
  await expect(switcher.locator('option:checked')).toHaveText('Northwind Games (Owner)');
  await expect(switcher.locator('option')).toHaveText([
    'Northwind Apps (Owner)',
    'Northwind Games (Owner)',
  ]);
});
