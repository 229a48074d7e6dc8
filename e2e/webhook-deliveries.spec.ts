import { randomBytes } from 'node:crypto';
import { DEMO_BUSINESS_ID } from '../lib/auth/demo-business';
import type { Database } from '../lib/database/create-client';
import { newId } from '../lib/ids';
import { startWebhookReceiver, type WebhookReceiver } from '../lib/testing/webhook-receiver';
import { expectNoAxeViolations } from './axe';
import { expect, test } from './fixtures';
import { expectNoSidewaysScroll } from './layout';

// An endpoint's delivery log as the owner uses it: "Send test event" reaches a real receiver on
// loopback through the server's own worker, the log shows the delivery and its attempt, "Resend"
// sends it again with the same webhook-id, the filters narrow the log, and a failing receiver's
// answer is in the log.

let receiver: WebhookReceiver;
test.beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
test.afterAll(async () => receiver.close());

/**
 * An endpoint of the demo business for this spec's receiver at a path of its own. It wants an event
 * type no other spec causes, so only its test events reach it.
 */
async function quietEndpoint(db: Database) {
  const path = `/log-${randomBytes(4).toString('hex')}`;
  const endpoint = await db.webhookEndpoint.create({
    data: {
      id: newId('whk'),
      businessId: DEMO_BUSINESS_ID,
      url: receiver.url(path),
      filterTypes: JSON.stringify(['license_key_instance.deleted']),
      secret: `whsec_${randomBytes(24).toString('base64')}`,
    },
  });
  return { endpoint, received: () => receiver.received.filter((r) => r.path === path) };
}

test('Send test event, see it delivered, open its attempts, resend it, filter the log', async ({
  page,
  db,
}) => {
  const { endpoint, received: mine } = await quietEndpoint(db);
  await page.goto(`/settings/webhooks/${endpoint.id}`);
  const log = page.getByRole('region', { name: 'Deliveries' });
  await expect(log.getByText('No deliveries yet.')).toBeVisible();

  await log.getByRole('button', { name: 'Send test event' }).click();
  await expect(log.getByRole('status').first()).toHaveText(
    'Test event queued: it appears in the log below.',
  );
  await expect.poll(() => mine().length, { timeout: 15_000 }).toBe(1);
  expect(JSON.parse(mine()[0].body)).toMatchObject({
    type: 'webhook.test',
    business_id: DEMO_BUSINESS_ID,
  });
  await expect(async () => {
    await page.reload();
    await expect(log.getByRole('cell', { name: 'Succeeded' })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  const table = log.getByRole('table', { name: /Deliveries to this endpoint/ });
  await expect(table.getByRole('cell', { name: 'HTTP 200' })).toBeVisible();
  await expectNoAxeViolations(page);

  await table.getByRole('button', { name: /^Resend webhook\.test msg_/ }).click();
  await expect(table.getByText('Queued again')).toBeVisible();
  await expect.poll(() => mine().length, { timeout: 15_000 }).toBe(2);
  expect(mine()[1].headers['webhook-id']).toBe(mine()[0].headers['webhook-id']);

  await log.getByRole('combobox', { name: 'Status' }).selectOption('failed');
  await log.getByRole('button', { name: 'Filter deliveries' }).click();
  await expect(page).toHaveURL(/status=failed/);
  await expect(log.getByText('No delivery matches these filters.')).toBeVisible();
  await log.getByRole('link', { name: 'Show every delivery' }).click();

  await table.getByRole('link', { name: 'webhook.test' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'webhook.test' })).toBeVisible();
  const attempts = page.getByRole('table', { name: /Attempts/ });
  await expect(attempts.getByRole('row')).toHaveCount(3); // the header and two attempts
  await expect(attempts.getByRole('cell', { name: 'ok' }).first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Body sent' })).toContainText('"webhook.test"');
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoSidewaysScroll(page);

  const other = await page.goto(`/settings/webhooks/${endpoint.id}/deliveries/whd_nothing_here`);
  expect(other?.status()).toBe(404);
});

test('a receiver that answers 500 leaves its answer in the log and a retry scheduled', async ({
  page,
  db,
}) => {
  const { endpoint, received } = await quietEndpoint(db);
  receiver.answer({ status: 500, body: 'receiver is down for maintenance' });
  try {
    await page.goto(`/settings/webhooks/${endpoint.id}`);
    const log = page.getByRole('region', { name: 'Deliveries' });
    await log.getByRole('button', { name: 'Send test event' }).click();
    await expect.poll(() => received().length, { timeout: 15_000 }).toBe(1);
    await expect(async () => {
      await page.reload();
      await expect(log.getByText('HTTP 500')).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    await expect(log.getByRole('cell', { name: /Pending/ })).toContainText('Next try');
    await log.getByRole('link', { name: 'webhook.test' }).click();
    await expect(page.getByRole('table', { name: /Attempts/ })).toContainText(
      'receiver is down for maintenance',
    );
  } finally {
    receiver.answer({ status: 200 });
  }
});
