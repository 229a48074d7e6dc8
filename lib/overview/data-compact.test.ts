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
});
