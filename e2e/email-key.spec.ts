import { DEMO_BUSINESS_ID } from '../lib/auth/demo-business';
import type { Database } from '../lib/database/create-client';
import { newId } from '../lib/ids';
import { expect, test, type Scenario } from './fixtures';
import { mailTo } from './mail';

// "Email key to customer" on the key page: preview, send, the email read back from the loopback
// SMTP server, the send's state on the page; a refused recipient fails with the reason and Retry.

async function seedKey(db: Database, scenario: Scenario, customerId = scenario.customer.id) {
  return db.licenseKey.create({
    data: {
      id: newId('lic'),
      businessId: DEMO_BUSINESS_ID,
      key: `MAIL-${scenario.token}-${newId('lic').slice(-6)}`,
      customerId,
      productId: scenario.product.id,
      activationsLimit: 2,
      source: 'manual',
    },
  });
}

function emails(page: import('@playwright/test').Page) {
  return page.getByRole('region', { name: 'Emails' }).getByRole('listitem');
}

test('previews the email, sends it, and the customer receives the key', async ({
  page,
  scenario,
  db,
}) => {
  const key = await seedKey(db, scenario);
  await page.goto(`/license-keys/${key.id}`);
  await expect(emails(page)).toHaveCount(0);
  await page.getByRole('button', { name: 'Email key to customer' }).click();
  const preview = page.getByRole('figure', { name: 'Email preview' });
  await expect(preview).toContainText(scenario.customer.email);
  await expect(preview).toContainText(`Your license key for ${scenario.product.name}`);
  await expect(preview).toContainText(key.key);
  await expect(preview).toContainText('How to activate');

  await page.getByRole('button', { name: 'Send email' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'queued' })).toHaveText(
    `Email to ${scenario.customer.email} queued. Its state shows under Emails.`,
  );
  await expect(emails(page)).toHaveCount(1);
  // The worker in the server process sends it; the page follows it to "Sent".
  await expect(emails(page).first()).toContainText(/Sent \d/, { timeout: 15_000 });

  const [mail] = await mailTo(scenario.customer.email);
  expect(mail.to).toEqual([scenario.customer.email]);
  expect(mail.subject).toBe(`Your license key for ${scenario.product.name}`);
  expect(mail.text).toContain(key.key);
  expect(mail.from).toContain('keydesk@e2e.example');

  const stored = await db.outboxMessage.findFirstOrThrow({ where: { subjectId: key.id } });
  expect(stored).toMatchObject({ state: 'sent', kind: 'email', attempts: 1 });
  expect(stored.payload).not.toContain(key.key);
  const event = await db.auditEvent.findFirstOrThrow({
    where: { objectId: key.id, action: 'license_key.emailed' },
  });
  expect(event.summary).toBe(
    `Emailed the key ••••${key.key.slice(-4)} to ${scenario.customer.email}`,
  );
});

test('a refused recipient shows as failed with the reason; Retry sends it', async ({
  page,
  scenario,
  db,
}) => {
  // The test mail server refuses bounce-once… the first time it sees it (550).
  const email = `bounce-once-${scenario.token}@e2e.example`;
  const customer = await db.customer.create({
    data: {
      id: newId('cus'),
      businessId: DEMO_BUSINESS_ID,
      name: `Bo ${scenario.token}`,
      nameLower: `bo ${scenario.token}`,
      email,
      emailLower: email,
    },
  });
  const key = await seedKey(db, scenario, customer.id);
  await page.goto(`/license-keys/${key.id}`);
  await page.getByRole('button', { name: 'Email key to customer' }).click();
  await page.getByRole('button', { name: 'Send email' }).click();
  await expect(emails(page).first()).toContainText('Failed: 550', { timeout: 15_000 });

  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(emails(page).first()).toContainText(/Sent \d/, { timeout: 15_000 });
  const [mail] = await mailTo(email);
  expect(mail.text).toContain(key.key);
  expect(
    await db.auditEvent.count({ where: { objectId: key.id, action: 'license_key.email_retried' } }),
  ).toBe(1);
});

test('fits a 390 px wide screen with the preview open', async ({ page, scenario, db }) => {
  const key = await seedKey(db, scenario);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/license-keys/${key.id}`);
  await page.getByRole('button', { name: 'Email key to customer' }).click();
  await expect(page.getByRole('figure', { name: 'Email preview' })).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBe(0);
});
