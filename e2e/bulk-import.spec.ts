import { readFile } from 'node:fs/promises';
import type { Page, Request } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { expectNoAxeViolations } from './axe';
import { expect, test } from './fixtures';
import {
  bigKeysFile,
  count,
  createImportBusiness,
  seedFailedImport,
  seedRunningImport,
  signInToImport,
  smallKeysFile,
  uploadFile,
} from './imports';
import { expectNoSidewaysScroll } from './layout';
import { STORAGE_STATE } from './storage-state';

// Bulk import (issue 15) as an owner drives it: upload a CSV file, map its columns, check it, import
// it, and read what happened; then the same file again, a file large enough to watch, and who may
// not. Each test signs in as the owner of a business of its own (e2e/imports.ts): its keys and
// imports touch no other spec's counts. Asserts the screen and the database.

test.use({ storageState: { cookies: [], origins: [] } });

const select = (page: Page, name: string) => page.getByRole('combobox', { name, exact: true });

/** Holds the page's requests that `matches` picks until `release` is called (to see pending states). */
async function holdRequests(page: Page, matches: (request: Request) => boolean) {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/*', async (route) => {
    if (matches(route.request())) await released;
    // An upload cancelled meanwhile has no request left to continue.
    await route.continue().catch(() => {});
  });
  return async () => {
    release();
    await page.unrouteAll({ behavior: 'wait' });
  };
}

const isAction = (request: Request) =>
  request.method() === 'POST' && request.headers()['next-action'] !== undefined;

test('upload, map, check and import a file with bad rows; its problems as CSV; the same file again', async ({
  page,
  db,
}) => {
  const business = await createImportBusiness(db);
  await signInToImport(page, business);
  await expectNoAxeViolations(page);
  const fileInput = page.getByLabel('CSV file');

  // Refused before sending: no file, then a file that is not CSV; then by the server: no rows.
  await page.getByRole('button', { name: 'Upload file' }).click();
  await expect(fileInput).toHaveAccessibleDescription(/Choose a CSV file to upload\./);
  await expect(fileInput).toHaveAttribute('aria-invalid', 'true');
  await expect(fileInput).toBeFocused();
  await fileInput.setInputFiles({
    name: 'keys.xlsx',
    mimeType: 'text/plain',
    buffer: Buffer.from('x'),
  });
  await page.getByRole('button', { name: 'Upload file' }).click();
  await expect(fileInput).toHaveAccessibleDescription(/Choose a CSV file \(\.csv\)\./);
  await fileInput.setInputFiles({
    name: 'header-only.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('license_key,email\n'),
  });
  await page.getByRole('button', { name: 'Upload file' }).click();
  await expect(fileInput).toHaveAccessibleDescription(/The file has no rows under its header\./);
  await expect(fileInput).toBeFocused();
  await expectNoAxeViolations(page);

  // While the file goes up: its progress, the button pending; Cancel upload stops it.
  const { csv, bad, good } = smallKeysFile(business);
  const fileName = `keys-${business.token}.csv`;
  const releaseUpload = await holdRequests(page, (request) =>
    request.url().endsWith('/internal/imports'),
  );
  await fileInput.setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const uploadButton = page.getByRole('button', { name: 'Upload file' });
  await uploadButton.click();
  const uploadBar = page.getByRole('progressbar', { name: 'Upload progress' });
  await expect(uploadBar).toHaveAttribute('aria-valuenow', /^\d+$/);
  await expect(uploadBar).toHaveAttribute('aria-valuetext', /of [\d.]+ KB sent$/);
  await expect(uploadButton).toHaveAttribute('aria-busy', 'true');
  await expect(
    page.getByRole('status').filter({ hasText: `Uploading ${fileName}…` }),
  ).toBeAttached();
  await page.getByRole('button', { name: 'Cancel upload' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Upload cancelled.' })).toBeAttached();
  await expect(uploadBar).toHaveCount(0);
  await expect(fileInput).toBeFocused();
  await releaseUpload();

  // The mapping: every column guessed from the header.
  const jobId = await uploadFile(page, fileName, csv);
  await expect(page.getByRole('table', { name: 'First rows of the file' })).toContainText(
    `IMP-${business.token}-0000`,
  );
  const guessed = ['Key', 'Customer email', 'Customer name', 'Product', 'Activations limit'];
  for (const [index, label] of [...guessed, 'Expires at', 'Disabled', 'Original ID'].entries()) {
    await expect(select(page, label)).toHaveValue(String(index));
  }
  await expect(select(page, 'Default product')).toHaveValue('');
  await expect(page.getByRole('checkbox', { name: 'Update existing keys' })).not.toBeChecked();
  await expectNoAxeViolations(page);

  // The schema's refusals, on their selects: no key column, a column read twice.
  await select(page, 'Key').selectOption({ label: 'Not in the file' });
  await select(page, 'Original ID').selectOption({ label: 'email' });
  await page.getByRole('button', { name: 'Check file' }).click();
  await expect(select(page, 'Key')).toBeFocused();
  await expect(select(page, 'Key')).toHaveAccessibleDescription(
    /Choose the column that holds the license keys\./,
  );
  await expect(select(page, 'Original ID')).toHaveAccessibleDescription(
    /already read as Customer email/,
  );
  await select(page, 'Key').selectOption({ label: 'license_key' });
  await select(page, 'Original ID').selectOption({ label: 'id' });
  const releaseCheck = await holdRequests(page, isAction);
  const checkFile = page.getByRole('button', { name: 'Check file' });
  await checkFile.click();
  await expect(checkFile).toHaveAttribute('aria-busy', 'true');
  await expect(checkFile).toBeFocused();
  await releaseCheck();

  // The check's results.
  await expect(page.getByRole('heading', { level: 2, name: 'Check results' })).toBeVisible({
    timeout: 30_000,
  });
  await expect(count(page, 'Keys to create')).toHaveText(String(good));
  await expect(count(page, 'Already present (identical)')).toHaveText('0');
  await expect(count(page, 'Conflicts')).toHaveText('0');
  await expect(count(page, 'Rows with errors')).toHaveText(String(bad.size));
  await expect(count(page, 'Keys to update')).toHaveCount(0);
  const preview = page.getByRole('table', { name: /First rows as they will be imported/ });
  await expect(preview.getByRole('row')).toHaveCount(11);
  const line2 = preview
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: '2', exact: true }) });
  await expect(line2).toContainText('New key');
  await expect(line2).not.toContainText(`IMP-${business.token}-0000`); // masked
  await expect(line2).toContainText(business.product.name);
  const line4 = preview
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: '4', exact: true }) });
  await expect(line4).toContainText('Error');
  await expect(line4).toContainText(/Enter a whole number of activations/);
  const problems = page.getByRole('table', { name: 'Problems, in file order' });
  await expect(problems.getByRole('rowheader')).toHaveText([...bad.keys()].map(String));
  await expect(problems.getByRole('row').nth(1).getByRole('cell').first()).toHaveText(
    'activations_limit',
  );
  await expectNoAxeViolations(page);
  // The check wrote no key.
  expect(await db.licenseKey.count({ where: { businessId: business.businessId } })).toBe(0);

  // Every problem as CSV.
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download all problems (CSV)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`import-problems-${jobId}.csv`);
  const records = parse(await readFile((await download.path())!), {
    bom: true,
    columns: true,
  }) as { line: string; column: string; problem: string; message: string }[];
  expect(records.map((r) => [Number(r.line), r.column, r.problem])).toEqual(
    [...bad].map(([line, column]) => [line, column, 'error']),
  );
  expect(records[1].message).toMatch(/Unknown product “No Such Product”/);

  // Import: then the summary, and the keys in the list.
  await page.getByRole('button', { name: `Import ${good} keys` }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Import finished' })).toBeVisible({
    timeout: 30_000,
  });
  await expect(count(page, 'Keys created')).toHaveText(String(good));
  await expect(count(page, 'Keys updated')).toHaveText('0');
  await expect(count(page, 'Rows with errors')).toHaveText(String(bad.size));
  await expect(page.getByRole('table', { name: 'Problems, in file order' })).toBeVisible();
  await expectNoAxeViolations(page);
  const keys = await db.licenseKey.findMany({
    where: { businessId: business.businessId },
    select: { key: true, source: true, disabled: true, activationsLimit: true },
    orderBy: { key: 'asc' },
  });
  expect(keys).toHaveLength(good);
  expect(keys.every((key) => key.source === 'import')).toBe(true);
  expect(keys.find((key) => key.key.endsWith('-0006'))).toMatchObject({ disabled: true });
  expect(await db.customer.count({ where: { businessId: business.businessId } })).toBe(3);

  await page.getByRole('link', { name: 'See the imported keys' }).click();
  await expect(page).toHaveURL('/license-keys?source=import');
  await expect(page.getByText(`Showing 1–${good} of ${good} keys`)).toBeVisible();

  // The activity trail links the import.
  await page.goto('/activity');
  const link = page.getByRole('link', { name: `Import ${jobId}` }).first();
  await expect(link).toHaveAttribute('href', `/license-keys/import/${jobId}`);

  // The same file again: every good row already there, nothing to import.
  await page.goto('/license-keys/import');
  await expect(
    page.getByRole('table', { name: /Recent imports/ }).getByRole('link', { name: fileName }),
  ).toBeVisible();
  await uploadFile(page, fileName, csv);
  await page.getByRole('button', { name: 'Check file' }).click();
  await expect(count(page, 'Already present (identical)')).toHaveText(String(good), {
    timeout: 30_000,
  });
  await expect(count(page, 'Keys to create')).toHaveText('0');
  const importNothing = page.getByRole('button', { name: 'Import 0 keys' });
  await expect(importNothing).toBeDisabled();
  await expect(importNothing).toHaveAccessibleDescription(/Nothing to import/);
});

test('a large file: the check’s and the import’s progress, across a reload, and the key list’s banner', async ({
  page,
  db,
}) => {
  test.slow();
  test.setTimeout(300_000);
  const business = await createImportBusiness(db);
  await signInToImport(page, business);
  // Long enough a pass (some seconds, one batch of 500 rows at a time) to watch it and reload.
  const rows = 60_000;
  const fileName = `big-${business.token}.csv`;
  const jobId = await uploadFile(page, fileName, bigKeysFile(business, rows));

  await page.getByRole('button', { name: 'Check file' }).click();
  const checkBar = page.getByRole('progressbar', { name: 'Check progress' });
  await expect(checkBar).toBeVisible({ timeout: 30_000 });
  await expect(checkBar).toHaveAttribute('aria-valuemin', '0');
  await expect(checkBar).toHaveAttribute('aria-valuemax', '100');
  await expect(page.getByText(/^[\d,]+ of 60,000 rows/)).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Check results' })).toBeVisible({
    timeout: 120_000,
  });
  await expect(count(page, 'Keys to create')).toHaveText('60,000');

  await page.getByRole('button', { name: 'Import 60,000 keys' }).click();
  await expect(page.getByRole('progressbar', { name: 'Import progress' })).toBeVisible({
    timeout: 30_000,
  });
  // A reload is the same page in the same state.
  await page.reload();
  await expect(page.getByRole('progressbar', { name: 'Import progress' })).toBeVisible();
  // The key list says so while it runs.
  const list = await page.context().newPage();
  await list.goto('/license-keys');
  await expect(list.getByRole('status').filter({ hasText: 'Importing keys from' })).toHaveText(
    new RegExp(`Importing keys from ${fileName}: \\d+% \\([\\d,]+ of 60,000 rows\\)`),
  );
  await expect(
    list.getByRole('status').filter({ hasText: `Finished importing keys from ${fileName}.` }),
  ).toBeVisible({ timeout: 120_000 });
  await list.close();

  await expect(page.getByRole('heading', { level: 2, name: 'Import finished' })).toBeVisible({
    timeout: 30_000,
  });
  await expect(count(page, 'Keys created')).toHaveText('60,000');
  expect(await db.licenseKey.count({ where: { businessId: business.businessId } })).toBe(rows);
  const job = await db.importJob.findUniqueOrThrow({ where: { id: jobId } });
  expect(job).toMatchObject({ state: 'done', rowsDone: rows, created: rows });
});

test('a running import, followed live: the bar, the rate, the banner, then the summary', async ({
  page,
  db,
}) => {
  const business = await createImportBusiness(db);
  await signInToImport(page, business);
  // Under another machine's lease: the test moves it, one step at a time.
  const job = await seedRunningImport(db, business.businessId, 'running.csv', 10_000);
  const progress = (rowsDone: number) =>
    db.importJob.update({ where: { id: job.id }, data: { rowsDone } });
  await page.goto(`/license-keys/import/${job.id}`);
  const bar = page.getByRole('progressbar', { name: 'Import progress' });
  await expect(bar).toHaveAttribute('aria-valuenow', '0');
  await expect(page.getByText('0 of 10,000 rows', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);

  const list = await page.context().newPage();
  await list.goto('/license-keys');
  const banner = list.getByRole('status').filter({ hasText: 'Importing keys from running.csv' });
  await expect(banner).toHaveText(/Importing keys from running\.csv: 0% \(0 of 10,000 rows\)/);
  await expect(banner.getByRole('link', { name: 'See the import' })).toHaveAttribute(
    'href',
    `/license-keys/import/${job.id}`,
  );

  await progress(2_000);
  await expect(bar).toHaveAttribute('aria-valuenow', '20');
  await expect(banner).toHaveText(/20% \(2,000 of 10,000 rows\)/);
  await progress(4_500);
  await expect(bar).toHaveAttribute('aria-valuenow', '45');
  await expect(bar).toHaveAttribute('aria-valuetext', '45%: 4,500 of 10,000 rows');
  // Two answers apart: the rate and the time left, measured in the browser.
  await expect(
    page.getByText(/^4,500 of 10,000 rows · [\d,]+ rows? a second · about .+ left$/),
  ).toBeVisible();
  // The quarter passed is announced, politely; not every answer.
  await expect(
    page.locator('[aria-live="polite"]').filter({ hasText: 'Import: 25% done.' }),
  ).toHaveCount(1);
  await expect(banner).toHaveText(/45% \(4,500 of 10,000 rows\)/);

  // It ends: the page shows the summary, and the banner says so.
  await db.importJob.update({
    where: { id: job.id },
    data: {
      rowsDone: 10_000,
      created: 9_990,
      errors: 10,
      state: 'done',
      finishedAt: new Date(),
      claimedBy: null,
      lockedUntil: null,
    },
  });
  await expect(page.getByRole('heading', { level: 2, name: 'Import finished' })).toBeVisible();
  await expect(count(page, 'Keys created')).toHaveText('9,990');
  await expect(
    list.getByRole('status').filter({ hasText: 'Finished importing keys from running.csv.' }),
  ).toBeVisible();
  await list.close();
});

test('the mapping form by keyboard, and each page at 390 px', async ({ page, db }) => {
  const business = await createImportBusiness(db);
  await page.setViewportSize({ width: 390, height: 844 });
  await signInToImport(page, business);
  await expectNoSidewaysScroll(page, 'the upload page');
  // A file whose key column has a name Keydesk does not guess.
  const csv = smallKeysFile(business).csv.replace(/^license_key,/, 'Seriennummer,');
  const jobId = await uploadFile(page, `keyboard-${business.token}.csv`, csv);
  await expectNoSidewaysScroll(page, 'the mapping step');
  await expect(select(page, 'Key')).toHaveValue('');

  // Key: the first column, with the arrow key; then along the form with Tab, to Check file.
  await select(page, 'Key').focus();
  await page.keyboard.press('ArrowDown');
  await expect(select(page, 'Key')).toHaveValue('0');
  const order = ['Customer email', 'Customer name', 'Product', 'Activations limit'];
  for (const label of [...order, 'Expires at', 'Disabled', 'Original ID', 'Default product']) {
    await page.keyboard.press('Tab');
    await expect(select(page, label)).toBeFocused();
  }
  await page.keyboard.press('ArrowDown'); // the first product
  await page.keyboard.press('Tab');
  await expect(select(page, 'Time zone of dates without a time')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('checkbox', { name: 'Update existing keys' })).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Check file' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(count(page, 'Keys to update')).toHaveText('0', { timeout: 30_000 });
  const job = await db.importJob.findUniqueOrThrow({ where: { id: jobId } });
  expect(JSON.parse(job.mapping)).toMatchObject({ key: 0, customerEmail: 1, originalId: 7 });
  expect(job).toMatchObject({ defaultProductId: business.product.id, updateExisting: true });
  await expectNoSidewaysScroll(page, 'the check’s results');
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: /^Import \d+ keys$/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Import finished' })).toBeVisible({
    timeout: 30_000,
  });
  await expectNoSidewaysScroll(page, 'the summary');
  await page.goto('/license-keys');
  await expect(page.getByRole('link', { name: 'Import keys' })).toBeVisible();
  await expectNoSidewaysScroll(page, 'the key list');
});

test('a failed import says why; another business’s import is not found', async ({
  page,
  browser,
  baseURL,
  db,
}) => {
  const business = await createImportBusiness(db);
  const failed = await seedFailedImport(db, business.businessId, 'The file cannot be read as CSV.');
  await signInToImport(page, business);
  await page.goto(`/license-keys/import/${failed.id}`);
  await expect(page.getByRole('heading', { level: 2, name: 'Import failed' })).toBeVisible();
  await expect(page.getByText('The file cannot be read as CSV.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Upload another file' })).toHaveAttribute(
    'href',
    '/license-keys/import',
  );
  await expectNoAxeViolations(page);
  // An upload from another site's page is refused, even with the owner's session.
  const foreign = await page.request.post('/internal/imports', {
    headers: { 'X-File-Name': 'keys.csv', Origin: 'https://elsewhere.example' },
    data: Buffer.from('license_key,email\nABCDEF-1,a@e2e.example\n'),
  });
  expect(foreign.status()).toBe(403);

  // Acme's owner: the import of another business does not exist, by page or by route.
  const acme = await browser.newContext({ storageState: STORAGE_STATE.acmeOwner, baseURL });
  const other = await acme.newPage();
  const response = await other.goto(`/license-keys/import/${failed.id}`);
  expect(response?.status()).toBe(404);
  await expect(other.getByRole('heading', { name: 'Not found' })).toBeVisible();
  await expect(other.locator('main')).not.toContainText('broken.csv');
  expect((await other.request.get(`/internal/imports/${failed.id}`)).status()).toBe(404);
  expect((await other.request.get(`/license-keys/import/${failed.id}/problems`)).status()).toBe(
    404,
  );
  await acme.close();
});

test.describe('as Acme support', () => {
  test.use({ storageState: STORAGE_STATE.acmeSupport });

  test('no Import keys button, no import pages, no uploads', async ({ page }) => {
    await page.goto('/license-keys');
    await expect(page.getByRole('link', { name: 'Issue a key' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Import keys' })).toHaveCount(0);
    for (const path of ['/license-keys/import', '/license-keys/import/imp_unknown']) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
    }
    const upload = await page.request.post('/internal/imports', {
      headers: { 'X-File-Name': 'keys.csv' },
      data: Buffer.from('license_key,email\nABCDEF-1,a@e2e.example\n'),
    });
    expect(upload.status()).toBe(403);
    // The key list's banner route is anyone's who sees keys.
    const running = await page.request.get('/internal/imports/running');
    expect(running.status()).toBe(200);
  });
});
