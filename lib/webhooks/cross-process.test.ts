import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '@/lib/database/create-client';
import { loadAppCopy } from '@/lib/testing/app-copy';
import { newId } from '@/lib/ids';
import { createBusinessFixture, createTestDatabase, testEngine } from '@/lib/testing/test-database';
import { startWebhookReceiver } from '@/lib/testing/webhook-receiver';
import { newWebhookSecret } from './secret';

// Several workers on one set of endpoints, in normal operation each event reaches each endpoint
// exactly once and in order: two Prisma clients, each with its own copy of the app modules (on
// PostgreSQL two connection pools: what two Keydesk processes are to the server), each running
// three drains at once, delivering to a real receiver on loopback. On PostgreSQL the fan-out's and
// the lanes' FOR UPDATE SKIP LOCKED are what make it hold. Not on SQLite: two connections in one
// thread with a synchronous driver wait on each other's write lock with no way to yield, which two
// real processes never do (lib/webhooks/crash.test.ts runs a real second process on both engines).

const receiver = await startWebhookReceiver();
const testDb = await createTestDatabase();
const { db } = testDb;
const clients: Database[] = [];
afterAll(async () => {
  await Promise.all(clients.map((client) => client.$disconnect()));
  await testDb.cleanup();
  await receiver.close();
});

async function loadApp(url: string) {
  const { modules, client } = await loadAppCopy(url, async () => ({
    worker: await import('./worker'),
    keys: await import('@/lib/license-keys/data'),
  }));
  clients.push(client);
  return modules;
}

describe.runIf(testEngine() === 'postgresql')('two processes delivering webhooks', () => {
  it('send each event to each endpoint once, in order', async () => {
    const acme = await createBusinessFixture(db, 'Acme');
    const endpoints = [];
    for (let i = 0; i < 12; i += 1) {
      endpoints.push(
        await db.webhookEndpoint.create({
          data: {
            id: newId('whk'),
            businessId: acme.business.id,
            url: receiver.url(`/endpoint-${i}`),
            secret: newWebhookSecret(),
          },
        }),
      );
    }
    const one = await loadApp(testDb.url);
    const two = await loadApp(testDb.url);
    const keyIds: string[] = [];
    for (let i = 0; i < 20; i += 1) {
      const created = await one.keys.createLicenseKey(acme.owner, {
        mode: 'generate',
        customerId: acme.customer.id,
        productId: acme.product.id,
        activationsLimit: 1,
        expiresAt: null,
      });
      if (!created.ok) throw new Error(created.code);
      keyIds.push(created.value.id);
    }
    const drains = [one, two].flatMap((app, index) =>
      [0, 1, 2].map((drain) =>
        app.worker.deliverDueWebhooks({ workerId: `worker-${index}-${drain}`, allowPrivate: true }),
      ),
    );
    const made = await Promise.all(drains);
    expect(made.reduce((sum, count) => sum + count, 0)).toBe(12 * 20);
    expect(receiver.received).toHaveLength(12 * 20);
    for (let i = 0; i < 12; i += 1) {
      const got = receiver.received
        .filter((request) => request.path === `/endpoint-${i}`)
        .map((request) => JSON.parse(request.body).data.id);
      expect(got).toEqual(keyIds);
    }
    expect(await db.webhookDelivery.count({ where: { state: 'succeeded', attempts: 1 } })).toBe(
      12 * 20,
    );
  });
});
