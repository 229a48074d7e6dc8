import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DEMO_BUSINESS_ID } from '../lib/auth/demo-business';
import { mailTo } from './mail';
import { expect, test } from './fixtures';

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`),
  ).toEqual([]);
}

test('an owner invites a support member, who creates an account from the link and joins', async ({
  page,
  browser,
  baseURL,
  scenario,
  db,
}) => {
  const email = `new-${scenario.token}@e2e.example`;
  await page.goto('/settings/members');
  await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByRole('radio', { name: /^Support/ }).check();
  await page.getByRole('button', { name: 'Invite member' }).click();
  const link = page.getByRole('textbox', { name: 'Invite link' });
  await expect(link).toHaveValue(/\/invite\//);
  const url = await link.inputValue();
  expect(await db.invite.count({ where: { emailLower: email, acceptedAt: null } })).toBe(1);
  // Email is configured in the e2e run: the invite is mailed too, with the same link.
  await expect(page.getByRole('heading', { name: `Invite emailed to ${email}` })).toBeVisible();
  const [invitation] = await mailTo(email);
  expect(invitation.subject).toBe('You are invited to join Acme Software on Keydesk');
  expect(invitation.text).toContain(url);

  // The invited person, in their own browser, signed out.
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const newcomer = await context.newPage();
  await newcomer.goto(url);
  await newcomer.getByRole('textbox', { name: 'Name' }).fill(`Robin ${scenario.token}`);
  await newcomer.getByLabel('Password', { exact: true }).fill('robins-password-123');
  await newcomer.getByLabel('Confirm password').fill('robins-password-123');
  await newcomer.getByRole('button', { name: 'Create account and join' }).click();
  await expect(newcomer).toHaveURL('/');
  await expect(newcomer.getByText('Acme Software').first()).toBeVisible();
  const nav = newcomer.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'License keys' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Members' })).toHaveCount(0);

  // The link works once.
  await newcomer.goto(url);
  await expect(newcomer.getByRole('button', { name: 'Create account and join' })).toHaveCount(0);
  await context.close();

  const user = await db.user.findUniqueOrThrow({ where: { email } });
  expect(
    await db.membership.findFirst({ where: { userId: user.id, businessId: DEMO_BUSINESS_ID } }),
  ).toMatchObject({ role: 'support' });
  await page.reload();
  await expect(
    page.getByRole('cell', { name: email }).or(page.getByText(email)).first(),
  ).toBeVisible();
});

// One test per page: axe over all ten (the API reference is long) takes longer than one test's
// 30 seconds on two cores, and a failure names its page.
const STAFF_PAGES = [
  ['/settings/members', 'Members'],
  ['/settings/api-keys', 'API keys'],
  ['/settings/business', 'Business'],
  ['/activity', 'Activity'],
  ['/customers', 'Customers'],
  ['/customers/new', /customer/i],
  ['/products', 'Products'],
  ['/products/new', 'New product'],
  ['/products/{id}/edit', /^Edit /],
  ['/docs/api', 'Keydesk API'],
] as const;

for (const [path, heading] of STAFF_PAGES) {
  test(`no axe-core violations on ${path}`, async ({ page, db }) => {
    const product = await db.product.findFirstOrThrow({
      where: { businessId: DEMO_BUSINESS_ID },
    });
    const url = path.replace('{id}', product.id);
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1, name: heading }), url).toBeVisible();
    await expectNoAxeViolations(page);
  });
}

test.describe('signed out', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('no axe-core violations on the sign-in page, also with an error shown', async ({ page }) => {
    await page.goto('/sign-in');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('textbox', { name: 'Email' })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    await expectNoAxeViolations(page);
  });
});
