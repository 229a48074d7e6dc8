import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test, type Page } from '@playwright/test';
import { sdk } from './api/sdk-fixtures';
import { expectNoAxeViolations } from './axe';
import { choose, keyIdFromUrl, termValue } from './fixtures';
import { mailTo } from './mail';
import { mailPorts } from './mail-ports';
import {
  scratchDatabase,
  startProcess,
  stopServer,
  root,
  waitUntilUp,
  type AppProcess,
} from './support/app-server';

const run = promisify(execFile);

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
    // The suite's loopback mail server (playwright.config.ts): the merchant configured SMTP.
    KEYDESK_SMTP_URL: `smtp://127.0.0.1:${mailPorts().smtp}`,
    KEYDESK_MAIL_FROM: 'Northwind Licensing <licenses@northwind.example>',
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
  await expect(page).toHaveURL(`${origin}/`);
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
  await expect(page).toHaveURL(`${origin}/`);

  await page.getByRole('link', { name: 'New business' }).click();
  await expect(page.getByRole('heading', { name: 'New business' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('textbox', { name: 'Business name' }).fill('Northwind Games');
  await page.getByRole('button', { name: 'Create business' }).click();
  await expect(page).toHaveURL(`${origin}/`);
  const switcher = page.getByRole('combobox', { name: 'Business' });
  await expect(switcher).toHaveValue(/^bus_/);
  await expect(switcher.locator('option:checked')).toHaveText('Northwind Games (Owner)');
  await expect(switcher.locator('option')).toHaveText([
    'Northwind Apps (Owner)',
    'Northwind Games (Owner)',
  ]);
});

async function signIn(page: Page) {
  await page.goto(`${origin}/sign-in`);
  await page.getByRole('textbox', { name: 'Email' }).fill(OWNER.email);
  await page.getByLabel('Password').fill(OWNER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${origin}/`);
}

test('a product made in the dashboard, another with the SDK, the first key issued and emailed', async ({
  page,
}) => {
  await signIn(page);
  // The second business is current since the last test: go back to the first.
  await page
    .getByRole('combobox', { name: 'Business' })
    .selectOption({ label: 'Northwind Apps (Owner)' });
  await expect(
    page.getByRole('combobox', { name: 'Business' }).locator('option:checked'),
  ).toHaveText('Northwind Apps (Owner)');

  await page.getByRole('link', { name: 'Products' }).first().click();
  await page.getByRole('link', { name: 'New product' }).click();
  await page.getByRole('textbox', { name: 'Name' }).fill('Northwind Writer');
  await page.getByRole('textbox', { name: 'Description' }).fill('The writing app.');
  await page.getByRole('button', { name: 'Create product' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Created' })).toHaveText(
    'Created Northwind Writer.',
  );

  // The merchant's backend: an API key from the server's command line, then the official SDK.
  const env = { ...process.env, DATABASE_URL: database.url };
  const cli = ['run', '--silent', 'keydesk', '--', 'api-key', 'create'];
  const { stdout } = await run('npm', [...cli, '--business', OWNER.businessName], {
    cwd: root,
    env,
  });
  const client = sdk(origin, stdout.trim());
  const product = await client.products.create({
    name: 'Northwind Sync',
    price: {
      type: 'one_time_price',
      currency: 'USD',
      price: 4900,
      discount: 0,
      purchasing_power_parity: false,
    },
    tax_category: 'saas',
    license_key_enabled: true,
    license_key_activations_limit: 3,
    license_key_duration: { count: 1, interval: 'Year' },
  });
  expect(product).toMatchObject({ name: 'Northwind Sync', license_key_activations_limit: 3 });
  const listed = await client.products.list();
  expect(listed.items.map((item) => item.name).sort()).toEqual([
    'Northwind Sync',
    'Northwind Writer',
  ]);
  const customer = await client.customers.create({
    email: 'kim@customer.example',
    name: 'Kim Lee',
  });

  // The first key, issued by hand for the SDK's customer and product.
  await page.goto(`${origin}/license-keys/new`);
  await choose(page, 'Customer', 'kim', customer.email);
  await choose(page, 'Product', 'sync', 'Northwind Sync');
  await expect(page.getByRole('spinbutton', { name: 'Activations limit' })).toHaveValue('3');
  await page.getByRole('button', { name: 'Create license key' }).click();
  await expect(page).toHaveURL(/\/license-keys\/lic_/);
  await expect(termValue(page, 'Status')).toHaveText('Active');
  await expect(termValue(page, 'Product')).toHaveText('Northwind Sync');
  await expect(termValue(page, 'Customer')).toContainText('Kim Lee');

  // Emailed to the customer, and read back from the SMTP server.
  const key = await client.licenseKeys.retrieve(keyIdFromUrl(page));
  await page.getByRole('button', { name: 'Email key to customer' }).click();
  await page.getByRole('button', { name: 'Send email' }).click();
  await expect(
    page.getByRole('region', { name: 'Emails' }).getByRole('listitem').first(),
  ).toContainText(/Sent \d/, { timeout: 20_000 });
  const [mail] = await mailTo(customer.email);
  expect(mail.to).toEqual([customer.email]);
  expect(mail.subject).toBe('Your license key for Northwind Sync');
  expect(mail.from).toContain('licenses@northwind.example');
  expect(mail.text).toContain(key.key);
});
