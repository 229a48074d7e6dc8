import type { Page } from '@playwright/test';
import { createStaffAccount, expect, test } from './fixtures';
import { mailTo, receivedMail } from './mail';

// "Forgot password?" end to end: the link arrives at the loopback SMTP server, sets a new password
// once, ends every other session, and a second use is refused.

test.use({ storageState: { cookies: [], origins: [] } });

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/sign-in');
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

const answer = (email: string) =>
  `If a Keydesk account uses ${email}, a link to reset its password is on its way. It works once, for an hour. Check your inbox (and spam folder).`;

test('resets a forgotten password through the emailed link, once', async ({
  page,
  browser,
  baseURL,
  db,
}) => {
  const { email, password } = await createStaffAccount(db, 'forgot', 'Forgetful Fran');
  // Fran is signed in on another device; the reset ends that session.
  const other = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const laptop = await other.newPage();
  await signIn(laptop, email, password);
  await expect(laptop).toHaveURL('/', { timeout: 20_000 });

  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Forgot password?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reset your password' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByRole('status')).toHaveText(answer(email));

  const [mail] = await mailTo(email);
  expect(mail.subject).toBe('Reset your Keydesk password');
  const link = mail.text.match(/http:\/\/\S+\/reset-password\?token=[\w-]+/)?.[0];
  expect(link).toBeTruthy();
  expect(await db.passwordReset.count({ where: { tokenHash: link!.split('token=')[1] } })).toBe(0);

  await page.goto(link!);
  await page.getByLabel('New password').fill('short');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByLabel('New password')).toHaveAccessibleDescription(
    /A password has at least 10 characters/,
  );
  await page.getByLabel('New password').fill('a-brand-new-password-1');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page).toHaveURL(/\/sign-in\?reset=done/, { timeout: 20_000 });
  await expect(page.getByRole('status')).toContainText('Your password was changed');

  // The other device is signed out; the old password no longer works, the new one does.
  await laptop.reload();
  await expect(laptop).toHaveURL(/\/sign-in/);
  await other.close();
  await signIn(page, email, password);
  await expect(page.getByText('The email address or the password is not right.')).toBeVisible();
  await signIn(page, email, 'a-brand-new-password-1');
  await expect(page).toHaveURL('/', { timeout: 20_000 });

  // Once only.
  await page.goto(link!);
  await expect(
    page.getByRole('heading', { level: 1, name: 'This reset link has already been used' }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'Request a new link' })).toHaveAttribute(
    'href',
    '/forgot-password',
  );
});

test('answers the same for an address without an account, and mails nothing', async ({ page }) => {
  const email = `nobody-${Date.now()}@e2e.example`;
  await page.goto('/forgot-password');
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByRole('status')).toHaveText(answer(email));
  // Time for a worker that polls each second to have sent anything it had.
  await page.waitForTimeout(2500);
  expect((await receivedMail()).filter((mail) => mail.to.includes(email))).toEqual([]);
});
