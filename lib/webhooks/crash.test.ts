import type { ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { newId } from '@/lib/ids';
import { exited, startKeydeskProcess } from '@/lib/testing/keydesk-process';
import { createBusinessFixture, createTestDatabase } from '@/lib/testing/test-database';
import { startWebhookReceiver } from '@/lib/testing/webhook-receiver';
import { newWebhookSecret } from './secret';

// At least once, across crashes: events are written with the changes, so a server that dies
// before sending loses nothing; a worker process (the real `npm run keydesk -- webhooks work`)
// killed with -9 in the middle of a batch leaves its endpoint leased, and once the lease runs out
// another worker sends every event, those already sent again with the same webhook-id.

const receiver = await startWebhookReceiver();
const testDb = await createTestDatabase();
const { db } = testDb;
const { createLicenseKey } = await import('@/lib/license-keys/data');
const { deliverDueWebhooks } = await import('./worker');
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await testDb.cleanup();
  await receiver.close();
});
const acme = await createBusinessFixture(db, 'Acme');

function startWorkerProcess(): ChildProcess {
  const child = startKeydeskProcess(['webhooks', 'work'], {
    DATABASE_URL: testDb.url,
    KEYDESK_WEBHOOKS_ALLOW_PRIVATE: '1',
    KEYDESK_OUTBOX_POLL_MS: '200',
  });
  children.push(child);
  return child;
}

async function endpoint() {
  await db.webhookEndpoint.updateMany({ data: { disabled: true } });
  return db.webhookEndpoint.create({
    data: {
      id: newId('whk'),
      businessId: acme.business.id,
      url: receiver.url(`/crash-${newId('whk').slice(4, 10)}`),
      secret: newWebhookSecret(),
    },
  });
}

async function issueKeys(count: number) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const created = await createLicenseKey(acme.owner, {
      mode: 'generate',
      customerId: acme.customer.id,
      productId: acme.product.id,
      activationsLimit: 1,
      expiresAt: null,
    });
    if (!created.ok) throw new Error(created.code);
    ids.push(created.value.id);
  }
  return ids;
}

const keyIdsReceived = () => receiver.received.map((request) => JSON.parse(request.body).data.id);

describe('webhooks across a crash', () => {
  it('a worker killed (-9) mid-batch loses nothing: every event arrives, repeats keep their webhook-id', async () => {
    const hook = await endpoint();
    receiver.clear();
    const keys = await issueKeys(20); // no worker runs yet: the events wait in the database
    receiver.holdAfter(6); // the 7th request gets no answer: the worker is mid-batch
    const child = startWorkerProcess();
    await receiver.waitFor(7, 30_000);
    child.kill('SIGKILL');
    expect(await exited(child)).toMatchObject({ signal: 'SIGKILL' });
    receiver.release();
    expect(keyIdsReceived()).toEqual(keys.slice(0, 7));
    const leased = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: hook.id } });
    expect(leased.claimedBy).toContain(`:${child.pid}:`);

    // Another worker: nothing while the dead worker's lease holds, then every event, in order.
    expect(await deliverDueWebhooks({ workerId: 'survivor', allowPrivate: true })).toBe(0);
    const afterLease = new Date(leased.lockedUntil!.getTime() + 1000);
    await deliverDueWebhooks({ workerId: 'survivor', allowPrivate: true, now: () => afterLease });
    expect(keyIdsReceived()).toEqual([...keys.slice(0, 7), ...keys]);
    const firstIds = receiver.received.slice(0, 7).map((request) => request.headers['webhook-id']);
    const againIds = receiver.received.slice(7, 14).map((request) => request.headers['webhook-id']);
    expect(againIds).toEqual(firstIds);
    expect(
      await db.webhookDelivery.count({ where: { endpointId: hook.id, state: 'succeeded' } }),
    ).toBe(20);
  });

  it('a worker started after the changes sends what waits, and stops cleanly on SIGTERM', async () => {
    await endpoint();
    receiver.clear();
    const keys = await issueKeys(3);
    const child = startWorkerProcess();
    await receiver.waitFor(3, 30_000);
    child.kill('SIGTERM');
    expect(await exited(child)).toEqual({ code: 0, signal: null });
    expect(keyIdsReceived()).toEqual(keys);
  });
});
