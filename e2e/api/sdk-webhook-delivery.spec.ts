import DodoPayments from 'dodopayments';
import { startWebhookReceiver, type WebhookReceiver } from '../../lib/testing/webhook-receiver';
import { expect, test } from '../fixtures';
import { createApiKeyWithCli, importKey, publicSdk, sdk, target } from './sdk-fixtures';

// A receiver written for Dodo, unchanged, against the running Keydesk: the merchant registers it
// with the SDK's `webhooks.create`, reads its secret with `retrieveSecret`, and verifies every
// delivery with `webhooks.unwrap` as Dodo's documentation shows. The events come from real changes
// made through the API and the public license endpoints; the server's own worker sends them to a
// real HTTP server on loopback (the test server runs with KEYDESK_WEBHOOKS_ALLOW_PRIVATE=1).

let acme: DodoPayments;
let software: DodoPayments;
let receiver: WebhookReceiver;
let webhookId: string | undefined;

test.beforeAll(async ({}, testInfo) => {
  const { origin, root } = target(testInfo);
  acme = sdk(origin, await createApiKeyWithCli(root, 'Acme Software'));
  software = publicSdk(origin);
  receiver = await startWebhookReceiver();
});

test.afterAll(async () => {
  if (webhookId) await acme.webhooks.delete(webhookId);
  await receiver.close();
});

test('a Dodo receiver verifies and reads every event of a key, in order', async ({ scenario }) => {
  const hook = await acme.webhooks.create({ url: receiver.url('/dodo'), description: 'E2E' });
  webhookId = hook.id;
  const { secret } = await acme.webhooks.retrieveSecret(hook.id);
  expect(secret).toMatch(/^whsec_/);

  const key = await importKey(acme, scenario, 'HOOK', { activations_limit: 2 });
  const instance = await software.licenses.activate({ license_key: key.key, name: 'Laptop' });
  await acme.licenseKeys.update(key.id, { activations_limit: 3 });
  await acme.licenseKeys.update(key.id, { disabled: true });
  await software.licenses.deactivate({
    license_key: key.key,
    license_key_instance_id: instance.id,
  });

  // Other tests change Acme's keys at the same time: this key's events are the ones to read.
  const ofThisKey = () =>
    receiver.received
      .map((request) => ({
        request,
        event: acme.webhooks.unwrap(request.body, { headers: request.headers, key: secret }),
      }))
      .filter(({ event }) => {
        const data = event.data as { id?: string; license_key_id?: string };
        return data.id === key.id || data.license_key_id === key.id;
      });
  await expect.poll(() => ofThisKey().length, { timeout: 15_000 }).toBe(5);
  const events = ofThisKey().map(({ event }) => event);
  expect(events.map((event) => event.type)).toEqual([
    'license_key.created',
    'license_key_instance.created',
    'license_key.updated',
    'license_key.disabled',
    'license_key_instance.deleted',
  ]);
  expect(events[0]).toMatchObject({
    business_id: key.business_id,
    data: { id: key.id, key: key.key, activations_limit: 2, status: 'active' },
  });
  expect(events[1].data).toMatchObject({ id: instance.id, license_key_id: key.id, name: 'Laptop' });
  expect(events[3].data).toMatchObject({ status: 'disabled', activations_limit: 3 });

  // A body changed on the way is refused.
  const [{ request }] = ofThisKey();
  expect(() =>
    acme.webhooks.unwrap(request.body.replace('"active"', '"expired"'), {
      headers: request.headers,
      key: secret,
    }),
  ).toThrow();
});
