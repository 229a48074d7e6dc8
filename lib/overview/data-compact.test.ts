import { afterAll, describe, expect, it } from 'vitest';
import { createBusinessFixture, createTestDatabase, testEngine } from '@/lib/testing/test-database';

// Folding PostgreSQL's spread counters into one row each changes no figure, loses no count written
// while it runs, and leaves the quarter hours still being written alone. On SQLite it does nothing.

const testDb = await createTestDatabase();
const { db } = testDb;
afterAll(() => testDb.cleanup());

const { compactOverviewCounts } = await import('./data-compact');
const { getOverview } = await import('./data');
const { rebuildOverviewCounts } = await import('./data-recount');
const { createLicenseKey } = await import('@/lib/license-keys/data');
const { activateLicenseKey } = await import('@/lib/licenses/data');
const { operatorActor } = await import('@/lib/auth/authorize');

const holder = { requestId: 'req_test', address: '198.51.100.7' };
const QUARTER = 900_000;

async function businessWithKeys(label: string, count: number) {
  const fixture = await createBusinessFixture(db, label);
  const keys = [];
  for (let i = 0; i < count; i++) {
    const made = await createLicenseKey(fixture.owner, {
      mode: 'generate',
      customerId: fixture.customer.id,
      productId: fixture.product.id,
      activationsLimit: i % 2 === 0 ? 3 : null,
      expiresAt: null,
    } as never);
    if (!made.ok) throw new Error(made.code);
    keys.push(made.value);
  }
  return { fixture, keys, actor: operatorActor(fixture.business.id, 'req_test') };
}

describe(`compacting the overview counts (${testEngine()})`, () => {
  it('changes no figure and no series, and keeps the quarter hours being written', async () => {
    const { fixture, keys, actor } = await businessWithKeys('Compact', 6);
    for (const key of keys) await activateLicenseKey(key.key, 'laptop', holder);
    const businessId = fixture.business.id;
    // Counters as several writers leave them: an earlier quarter hour spread over slots.
    const earlier = Math.floor(Date.now() / QUARTER) - 8;
    for (const slot of [0, 1, 3]) {
      await db.activityRollup.create({
        data: { businessId, quarter: earlier, slot, keysManual: 1, activations: slot + 1 },
      });
    }
    const before = await getOverview(actor, '30d');
    const folded = await compactOverviewCounts();
    expect(await getOverview(actor, '30d')).toEqual(before);
    if (testEngine() === 'sqlite') {
      expect(folded).toBe(0);
      return;
    }
    expect(folded).toBeGreaterThanOrEqual(2);
    expect(await db.activityRollup.findMany({ where: { businessId, quarter: earlier } })).toEqual([
      expect.objectContaining({ slot: 0, keysManual: 3, activations: 7 }),
    ]);
    expect(await db.keyTally.count({ where: { businessId, slot: { gt: 0 } } })).toBe(0);
    // The current quarter hour keeps its slots: writers are still adding to them.
    const now = Math.floor(Date.now() / QUARTER);
    await db.activityRollup.upsert({
      where: { businessId_quarter_slot: { businessId, quarter: now, slot: 2 } },
      create: { businessId, quarter: now, slot: 2, activations: 1 },
      update: {},
    });
    const current = () => db.activityRollup.findMany({ where: { businessId, quarter: now } });
    const written = await current();
    await compactOverviewCounts();
    expect(await current()).toEqual(written);
  });

  it('loses no count written while it runs', async () => {
    const { fixture, keys, actor } = await businessWithKeys('Busy compact', 4);
    const businessId = fixture.business.id;
    await Promise.all([
      ...keys.flatMap((key) =>
        [1, 2, 3].map((n) => activateLicenseKey(key.key, `machine ${n}`, holder)),
      ),
      compactOverviewCounts(),
      compactOverviewCounts(),
      ...keys.map((key) => activateLicenseKey(key.key, 'one more', holder)),
      compactOverviewCounts(),
    ]);
    await compactOverviewCounts();
    const kept = await getOverview(actor, '30d');
    await rebuildOverviewCounts(db, testEngine(), businessId);
    expect(await getOverview(actor, '30d')).toEqual(kept);
    expect(kept.figures.activationsUsed + kept.figures.unlimitedActivations).toBe(14);
  });

  // Two server processes start their compactors together, so their rounds coincide, while writers
  // add to the rows being folded (a new version of a row lies elsewhere in the table, so two
  // compactions met the rows in different orders): two at once locked each other's rows, and one was
  // killed as a deadlock (40P01).
  it.skipIf(testEngine() !== 'postgresql')(
    'compactions that run at once, among writers, all succeed and fold every count once',
    async () => {
      const businessId = (await createBusinessFixture(db, 'Coinciding compactors')).business.id;
      const DAYS = 100;
      const keys = async () =>
        (await db.keyTally.aggregate({ where: { businessId }, _sum: { keys: true } }))._sum.keys;
      const write = (day: number, slot: number) => db.$executeRaw`
        INSERT INTO "KeyTally" ("businessId", "productId", "expiryDay", "slot", "keys")
        VALUES (${businessId}, 'p', ${day}, ${slot}, 1)
        ON CONFLICT ("businessId", "productId", "expiryDay", "slot")
        DO UPDATE SET "keys" = "KeyTally"."keys" + 1`;
      let written = 0;
      for (let round = 0; round < 8; round++) {
        const seed = Array.from({ length: DAYS }, (_, day) => [1, 2, 3].map((slot) => [day, slot]));
        await Promise.all(seed.flat().map(([day, slot]) => write(day, slot)));
        written += DAYS * 3;
        const writes = Array.from({ length: 300 }, (_, n) => write((n * 37) % DAYS, 1 + (n % 3)));
        written += writes.length;
        const results = await Promise.allSettled([
          compactOverviewCounts(),
          ...writes.slice(0, 150),
          compactOverviewCounts(),
          ...writes.slice(150),
          compactOverviewCounts(),
        ]);
        expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
      }
      await compactOverviewCounts();
      expect(await keys()).toBe(written);
      expect(await db.keyTally.count({ where: { businessId, slot: { gt: 0 } } })).toBe(0);
    },
  );

  it.skipIf(testEngine() !== 'postgresql')(
    'folds nothing, and does not wait, while another compaction holds the lock',
    async () => {
      const businessId = (await createBusinessFixture(db, 'Locked compactor')).business.id;
      await db.keyTally.create({
        data: { businessId, productId: 'p', expiryDay: 1, slot: 2, keys: 5 },
      });
      const unfolded = () => db.keyTally.count({ where: { businessId, slot: { gt: 0 } } });
      await db.$transaction(async (tx) => {
        // As another process's compaction would, on a connection of its own.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('keydesk.overview.compact'))`;
        expect(await compactOverviewCounts()).toBe(0);
        expect(await unfolded()).toBe(1);
      });
      expect(await compactOverviewCounts()).toBeGreaterThanOrEqual(1);
      expect(await unfolded()).toBe(0);
    },
  );
});
