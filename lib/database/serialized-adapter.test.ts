import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { newId } from '@/lib/ids';
import { createTestDatabase } from '@/lib/testing/test-database';

// The lost-write hazard of one SQLite connection (./serialized-adapter.ts): a plain write issued
// while another request's interactive transaction is open must not run inside that transaction
// (and vanish when it rolls back).

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function writeDuringRolledBackTransaction(db: PrismaClient, businessId: string) {
  const transaction = db
    .$transaction(async (tx) => {
      await tx.business.create({ data: { id: newId('bus'), name: 'rolled back' } });
      await sleep(100); // request A is busy while request B arrives
      throw new Error('request A fails and rolls back');
    })
    .catch(() => undefined);
  await sleep(20);
  // Request B: an ordinary write whose success would be acknowledged (201) to its caller.
  await db.business.create({ data: { id: businessId, name: 'acknowledged' } });
  await transaction;
  return db.business.findUnique({ where: { id: businessId } });
}

// The queue is SQLite's: these run on SQLite whichever engine the rest of the run uses.
const testDb = await createTestDatabase({ engine: 'sqlite' });
afterAll(() => testDb.cleanup());

describe('SQLite statement queue', () => {
  it('keeps a write that was acknowledged while another transaction rolled back', async () => {
    const id = newId('bus');
    const row = await writeDuringRolledBackTransaction(testDb.db, id);
    expect(row?.name).toBe('acknowledged');
    expect(await testDb.db.business.count({ where: { name: 'rolled back' } })).toBe(0);
  });

  it('keeps every write of many concurrent transactions and plain writes', async () => {
    const ids = Array.from({ length: 40 }, () => newId('bus'));
    await Promise.all(
      ids.map((id, i) =>
        i % 2
          ? testDb.db.business.create({ data: { id, name: 'plain' } })
          : testDb.db.$transaction(async (tx) => {
              await sleep(1);
              await tx.business.create({ data: { id, name: 'in transaction' } });
            }),
      ),
    );
    expect(await testDb.db.business.count({ where: { id: { in: ids } } })).toBe(40);
  });

  it('is what prevents the loss: the bare adapter loses the acknowledged write', async () => {
    // The control: without the queue the same sequence loses request B's row. If this ever starts
    // passing, the upstream adapter has changed; the queue stays, but this test should be revisited.
    const bare = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: testDb.url }) });
    try {
      const row = await writeDuringRolledBackTransaction(bare, newId('bus'));
      expect(row).toBeNull();
    } finally {
      await bare.$disconnect();
    }
  });
});
