import type { Page } from '@playwright/test';
import type { Database } from '../lib/database/create-client';
import { expectNoAxeViolations } from './axe';
import { createOwnedBusiness, expect, test } from './fixtures';

// Each test signs in as the owner of a business of its own: the demo business keeps its zone (UTC),
// which the overview's specs count days in.
test.use({ storageState: { cookies: [], origins: [] } });

/** A business of the test's own, and its owner, who can sign in with a password. */
const createZoneBusiness = (db: Database) =>
  createOwnedBusiness(db, { label: 'tz-owner', name: 'Zoe Zone', businessName: 'Zone Works' });

async function signInToBusinessSettings(page: Page, email: string, password: string) {
  await page.goto('/sign-in?next=%2Fsettings%2Fbusiness');
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Sign-ins hash with scrypt: slow on a busy machine.
  await expect(page.getByRole('heading', { level: 1, name: 'Business' })).toBeVisible({
    timeout: 20_000,
  });
}

const zoneOf = async (db: Database, id: string) =>
  (await db.business.findUniqueOrThrow({ where: { id }, select: { timeZone: true } })).timeZone;

test('the owner sets the time zone; it is kept, audited, and the page passes axe', async ({
  page,
  db,
}) => {
  const { businessId, email, password } = await createZoneBusiness(db);
  await signInToBusinessSettings(page, email, password);

  const section = page.getByRole('region', { name: 'Time zone' });
  const select = section.getByRole('combobox', { name: 'Time zone' });
  await expect(select).toHaveValue('UTC');
  await expect(select).toHaveAccessibleDescription(
    /The overview's days and months follow this time zone/,
  );
  await expect(select.locator('option:checked')).toHaveText('UTC (UTC+00:00)');
  await expect(select.locator('option[value="Europe/Berlin"]')).toHaveText(
    /^Europe\/Berlin \(UTC\+0[12]:00\)$/,
  );
  await expectNoAxeViolations(page);

  await select.selectOption('Europe/Berlin');
  await section.getByRole('button', { name: 'Save time zone' }).click();
  await expect(section.getByRole('status')).toHaveText('Time zone saved: Europe/Berlin.');
  expect(await zoneOf(db, businessId)).toBe('Europe/Berlin');

  await page.reload();
  await expect(select).toHaveValue('Europe/Berlin');
  // Saving the same zone again changes nothing and says so.
  await section.getByRole('button', { name: 'Save time zone' }).click();
  await expect(section.getByRole('status')).toHaveText('The time zone is unchanged.');

  const events = await db.auditEvent.findMany({
    where: { businessId, action: 'business.time_zone_changed' },
  });
  expect(events).toMatchObject([
    {
      objectType: 'business',
      objectId: businessId,
      actorName: 'Zoe Zone',
      actorRole: 'owner',
      summary: 'Changed the time zone from UTC to Europe/Berlin',
    },
  ]);
  await page.goto('/activity');
  await expect(page.getByText('Changed the time zone from UTC to Europe/Berlin')).toBeVisible();
});

test('a value that is not on the list is refused on the field, and nothing is saved', async ({
  page,
  db,
}) => {
  const { businessId, email, password } = await createZoneBusiness(db);
  await signInToBusinessSettings(page, email, password);
  const select = page.getByRole('combobox', { name: 'Time zone' });
  // What a stale or tampered page could send: a zone no runtime knows.
  await select.evaluate((element) => {
    const option = document.createElement('option');
    option.value = 'Mars/Olympus_Mons';
    option.text = 'Mars/Olympus_Mons';
    element.append(option);
  });
  await select.selectOption('Mars/Olympus_Mons');
  await page.getByRole('button', { name: 'Save time zone' }).click();

  await expect(page.getByRole('alert').filter({ hasText: 'Choose a time zone' })).toHaveText(
    'Choose a time zone from the list.',
  );
  await expect(select).toHaveAttribute('aria-invalid', 'true');
  await expect(select).toHaveAccessibleDescription(/Choose a time zone from the list\./);
  await expect(select).toBeFocused();
  await expectNoAxeViolations(page);
  expect(await zoneOf(db, businessId)).toBe('UTC');
});

test.describe("in a browser set to São Paulo's time, on a 390 px phone", () => {
  test.use({ timezoneId: 'America/Sao_Paulo', viewport: { width: 390, height: 844 } });

  test("the browser's zone is one press away, and nothing scrolls sideways", async ({
    page,
    db,
  }) => {
    const { businessId, email, password } = await createZoneBusiness(db);
    await signInToBusinessSettings(page, email, password);
    const select = page.getByRole('combobox', { name: 'Time zone' });
    await expect(page.getByText('Your browser is set to America/Sao_Paulo.')).toBeVisible();

    const widths = await page.evaluate(() => ({
      window: window.innerWidth,
      document: document.documentElement.scrollWidth,
    }));
    expect(widths.document).toBeLessThanOrEqual(widths.window);
    const save = page.getByRole('button', { name: 'Save time zone' });
    await save.scrollIntoViewIfNeeded();
    const box = await save.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);

    await page.getByRole('button', { name: "Use my browser's time zone" }).click();
    await expect(select).toHaveValue('America/Sao_Paulo');
    await expect(select).toBeFocused();
    await expect(page.getByRole('button', { name: "Use my browser's time zone" })).toHaveCount(0);
    await save.click();
    await expect(page.getByRole('status').filter({ hasText: 'Time zone' })).toHaveText(
      'Time zone saved: America/Sao_Paulo.',
    );
    expect(await zoneOf(db, businessId)).toBe('America/Sao_Paulo');
  });
});
