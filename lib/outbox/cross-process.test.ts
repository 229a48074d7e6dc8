import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '@/lib/database/create-client';
import { loadAppCopy } from '@/lib/testing/app-copy';
import { startMailServer } from '@/lib/testing/mail-server';
import { createBusinessFixture, createTestDatabase } from '@/lib/testing/test-database';

// Several workers on one outbox, each message sent exactly once: two Prisma clients, each with its
// own copy of the app modules (on PostgreSQL two connection pools: what two Keydesk processes are
// to the server), each running three drains at once against the same queue, delivering to a real
// SMTP server on loopback. On PostgreSQL the claim's FOR UPDATE SKIP LOCKED is what makes it hold.

const mail = await startMailServer();
process.env.KEYDESK_SMTP_URL = `smtp://127.0.0.1:${mail.port}`;
const testDb = await createTestDatabase();
const { db } = testDb;
const clients: Database[] = [];
afterAll(async () => {
  await Promise.all(clients.map((client) => client.$disconnect()));
  await testDb.cleanup();
  await mail.close();
});

async function loadWorker(url: string) {
  const { modules, client } = await loadAppCopy(url, async () => ({
    worker: await import('./worker'),
    handlers: await import('./handlers'),
    keys: await import('@/lib/license-keys/data-email'),
    create: await import('@/lib/license-keys/data'),
  }));
  clients.push(client);
  return modules;
}

describe('two workers on one outbox', () => {
  it('send each of 30 messages exactly once', async () => {
    const acme = await createBusinessFixture(db, 'Acme');
    const one = await loadWorker(testDb.url);
    const two = await loadWorker(testDb.url);
    const keys: string[] = [];
    for (let i = 0; i < 30; i += 1) {
      const created = await one.create.createLicenseKey(acme.owner, {
        mode: 'generate',
        customerId: acme.customer.id,
        productId: acme.product.id,
        activationsLimit: 1,
        expiresAt: null,
      });
      if (!created.ok) throw new Error(JSON.stringify(created));
      expect((await one.keys.emailLicenseKey(acme.owner, created.value.id)).ok).toBe(true);
      keys.push(created.value.key);
    }
    const drains = [one, two].flatMap((app, index) =>
      [0, 1, 2].map(() =>
        app.worker.deliverDueMessages(app.handlers.outboxHandlers(), {
          workerId: `worker-${index}`,
        }),
      ),
    );
    const settled = await Promise.all(drains);
    expect(settled.reduce((sum, count) => sum + count, 0)).toBe(30);
    await mail.waitFor(30);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const received = mail.messages.map((m) => keys.find((key) => m.text.includes(key)));
    expect(received.toSorted()).toEqual(keys.toSorted());
    const byWorker = await db.outboxMessage.groupBy({ by: ['claimedBy'], _count: true });
    // Both processes did part of the work: the test really ran them side by side.
    expect(byWorker.map((row) => row.claimedBy).toSorted()).toEqual(['worker-0', 'worker-1']);
    expect(await db.outboxMessage.count({ where: { state: 'sent', attempts: 1 } })).toBe(30);
  });
});
