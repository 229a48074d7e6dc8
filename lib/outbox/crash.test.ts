import type { ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { startMailServer } from '@/lib/testing/mail-server';
import { exited, startKeydeskProcess } from '@/lib/testing/keydesk-process';
import { createBusinessFixture, createTestDatabase } from '@/lib/testing/test-database';

// A crash between the action and the send loses nothing: the action's transaction wrote the
// message; a worker process (the real `npm run keydesk -- outbox work`) that dies with kill -9 while
// it is about to send leaves it claimed, and once its lease runs out another worker sends it,
// exactly once. A worker started after the action picks up what is waiting, and stops on SIGTERM.

let hold: { connected: () => void; until: Promise<void> } | null = null;
const mail = await startMailServer({
  // While `hold` is set, the next connection's greeting waits: the sender is connected, about to send.
  onConnect: async () => {
    const current = hold;
    if (!current) return;
    hold = null;
    current.connected();
    await current.until;
  },
});
process.env.KEYDESK_SMTP_URL = `smtp://127.0.0.1:${mail.port}`;
const testDb = await createTestDatabase();
const { db } = testDb;
const { deliverDueMessages, LEASE_MS } = await import('./worker');
const { outboxHandlers } = await import('./handlers');
const { emailLicenseKey } = await import('@/lib/license-keys/data-email');
const { createLicenseKey } = await import('@/lib/license-keys/data');
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await testDb.cleanup();
  await mail.close();
});
const acme = await createBusinessFixture(db, 'Acme');

/** `npm run keydesk -- outbox work` as one Node process (no npm or tsx parent to outlive a kill). */
function startWorkerProcess(): ChildProcess {
  const child = startKeydeskProcess(['outbox', 'work'], {
    DATABASE_URL: testDb.url,
    KEYDESK_SMTP_URL: `smtp://127.0.0.1:${mail.port}`,
    KEYDESK_OUTBOX_POLL_MS: '200',
  });
  children.push(child);
  return child;
}

async function queueKeyEmail() {
  const created = await createLicenseKey(acme.owner, {
    mode: 'generate',
    customerId: acme.customer.id,
    productId: acme.product.id,
    activationsLimit: 1,
    expiresAt: null,
  });
  if (!created.ok) throw new Error(JSON.stringify(created));
  const queued = await emailLicenseKey(acme.owner, created.value.id);
  if (!queued.ok) throw new Error(JSON.stringify(queued));
  return { key: created.value.key, messageId: queued.value.messageId };
}

describe('outbox across a crash', () => {
  it('a worker killed (-9) about to send loses nothing; the message arrives exactly once', async () => {
    mail.clear();
    const { key, messageId } = await queueKeyEmail();
    let release!: () => void;
    const connected = new Promise<void>((resolve) => {
      hold = { connected: resolve, until: new Promise<void>((r) => (release = r)) };
    });
    const child = startWorkerProcess();
    await connected; // it claimed the message and opened the SMTP connection
    child.kill('SIGKILL');
    expect(await exited(child)).toMatchObject({ signal: 'SIGKILL' });
    release();
    const claimed = await db.outboxMessage.findUniqueOrThrow({ where: { id: messageId } });
    expect(claimed.state).toBe('sending');
    expect(claimed.claimedBy).toContain(`:${child.pid}:`);
    expect(mail.messages).toHaveLength(0);

    // Another worker: nothing to do while the dead worker's lease holds, then it sends the message.
    const handlers = outboxHandlers();
    expect(await deliverDueMessages(handlers, { workerId: 'survivor' })).toBe(0);
    const afterLease = new Date(Date.now() + LEASE_MS + 1000);
    expect(
      await deliverDueMessages(handlers, { workerId: 'survivor', now: () => afterLease }),
    ).toBe(1);
    await mail.waitFor(1);
    expect(
      await deliverDueMessages(handlers, { workerId: 'survivor', now: () => afterLease }),
    ).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(mail.messages).toHaveLength(1);
    expect(mail.messages[0].text).toContain(key);
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: messageId } })).toMatchObject({
      state: 'sent',
      claimedBy: 'survivor',
      attempts: 2,
    });
  });

  it('a worker started after the action sends what waits, and stops cleanly on SIGTERM', async () => {
    mail.clear();
    const { key, messageId } = await queueKeyEmail(); // no worker runs: the server "crashed"
    const child = startWorkerProcess();
    await mail.waitFor(1, 30_000);
    expect(mail.messages[0].text).toContain(key);
    child.kill('SIGTERM');
    expect(await exited(child)).toEqual({ code: 0, signal: null });
    expect(mail.messages).toHaveLength(1);
    expect((await db.outboxMessage.findUniqueOrThrow({ where: { id: messageId } })).state).toBe(
      'sent',
    );
  });
});
