import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { newId } from '@/lib/ids';
import { createBusinessFixture, createTestDatabase, testEngine } from '@/lib/testing/test-database';
import { customerColumns } from '@/lib/customers/rows';
import { productNameColumns } from '@/lib/products/rows';
import type { Overview, OverviewRange } from './types';

// The overview against a full recount: a randomized run of creates, disables, enables, limit and
// expiry changes, activations and deactivations (public and from the dashboard), on a clock that
// crosses midnight in the business's time zone, then every figure and every chart series recounted
// from the keys and the audit trail with nothing of the overview's own code, and compared.

const testDb = await createTestDatabase();
const { db } = testDb;
afterAll(() => testDb.cleanup());
afterEach(() => vi.useRealTimers());

const { getOverview } = await import('./data');
const { rebuildOverviewCounts } = await import('./data-recount');
const { createLicenseKey, updateLicenseKey } = await import('@/lib/license-keys/data');
const { activateLicenseKey, deactivateLicenseKey } = await import('@/lib/licenses/data');
const { deactivateInstance } = await import('@/lib/license-key-instances/data');
const { licenseKeyStatus } = await import('@/lib/license-keys/status');

const holder = { requestId: 'req_test', address: '198.51.100.7' };
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** A deterministic generator, so that a failure can be replayed from its seed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** The local date (YYYY-MM-DD) of an instant in a zone, by Intl alone. */
const localDay = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);

/** Everything the overview shows, counted from scratch from the rows. */
async function recount(businessId: string, range: OverviewRange, now: Date, timeZone: string) {
  const keys = await db.licenseKey.findMany({ where: { businessId }, include: { product: true } });
  const events = await db.auditEvent.findMany({
    where: {
      businessId,
      action: { in: ['license_key_instance.activated', 'license_key_instance.deactivated'] },
    },
  });
  const active = keys.filter((k) => licenseKeyStatus(k, now) === 'active');
  const limited = active.filter((k) => k.activationsLimit !== null);
  const unlimited = active.filter((k) => k.activationsLimit === null);
  const sum = (rows: { instancesCount: number }[]) =>
    rows.reduce((s, k) => s + k.instancesCount, 0);
  const figures = {
    active: active.length,
    expired: keys.filter((k) => licenseKeyStatus(k, now) === 'expired').length,
    disabled: keys.filter((k) => k.disabled).length,
    atLimit: limited.filter((k) => k.instancesCount >= k.activationsLimit!).length,
    expiringSoon: active.filter(
      (k) => k.expiresAt && k.expiresAt.getTime() <= now.getTime() + 30 * DAY,
    ).length,
    activationsUsed: sum(limited),
    activationsLimit: limited.reduce((s, k) => s + k.activationsLimit!, 0),
    unlimitedKeys: unlimited.length,
    unlimitedActivations: sum(unlimited),
  };
  const periodOf = (at: Date) => {
    const day = localDay(at, timeZone);
    return range === '12m' ? day.slice(0, 7) : day;
  };
  const series = new Map<string, Record<string, number>>();
  const bump = (at: Date, column: string) => {
    const period = periodOf(at);
    const row = series.get(period) ?? {};
    row[column] = (row[column] ?? 0) + 1;
    series.set(period, row);
  };
  for (const k of keys) bump(k.createdAt, k.source);
  for (const e of events) {
    bump(e.createdAt, e.action.endsWith('.activated') ? 'activations' : 'deactivations');
  }
  const products = new Map<
    string,
    {
      id: string;
      name: string;
      activeKeys: number;
      activationsUsed: number;
      activationsLimit: number;
      unlimitedKeys: number;
    }
  >();
  for (const k of active) {
    const p = products.get(k.productId) ?? {
      id: k.productId,
      name: k.product.name,
      activeKeys: 0,
      activationsUsed: 0,
      activationsLimit: 0,
      unlimitedKeys: 0,
    };
    p.activeKeys += 1;
    if (k.activationsLimit === null) p.unlimitedKeys += 1;
    else {
      p.activationsUsed += k.instancesCount;
      p.activationsLimit += k.activationsLimit;
    }
    products.set(k.productId, p);
  }
  const topProducts = [...products.values()]
    .sort((a, b) => b.activeKeys - a.activeKeys || a.name.localeCompare(b.name))
    .slice(0, 5);
  return { figures, series, topProducts };
}

/** The overview's series as the recount keeps it: non-zero columns by period. */
function seriesOf(overview: Overview) {
  const series = new Map<string, Record<string, number>>();
  for (const { period, ...columns } of overview.series) {
    const row = Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== 0));
    if (Object.keys(row).length > 0) series.set(period, row);
  }
  return series;
}

async function expectRecount(businessId: string, range: OverviewRange, now: Date, tz: string) {
  const overview = await getOverview(operator(businessId), range, now);
  const expected = await recount(businessId, range, now, tz);
  expect(overview.figures).toEqual(expected.figures);
  expect(overview.topProducts).toEqual(expected.topProducts);
  // The recount's periods that fall in the range (a late `now` leaves the run's first day out).
  const inRange = new Set(overview.series.map((p) => p.period));
  expect(seriesOf(overview)).toEqual(
    new Map([...expected.series].filter(([period]) => inRange.has(period))),
  );
  return overview;
}

const { operatorActor } = await import('@/lib/auth/authorize');
const operator = (businessId: string) => operatorActor(businessId, 'req_test');

async function addProduct(businessId: string, name: string) {
  return db.product.create({
    data: { id: newId('pdt'), businessId, ...productNameColumns(name) },
  });
}
async function addCustomer(businessId: string, name: string) {
  return db.customer.create({
    data: {
      id: newId('cus'),
      businessId,
      ...customerColumns({ name, email: `${newId('cus')}@example.com` }),
    },
  });
}

describe.each([
  ['Asia/Kolkata', 5.5],
  ['America/New_York', -5],
])('a randomized run across midnight in %s', (timeZone, offsetHours) => {
  it('every figure and series equals a recount, before and after a rebuild', async () => {
    const next = random(Math.abs(offsetHours * 1000) + 7);
    const fixture = await createBusinessFixture(db, `Run${Math.abs(offsetHours * 10)}`);
    const businessId = fixture.business.id;
    await db.business.update({ where: { id: businessId }, data: { timeZone } });
    const products = [
      fixture.product,
      await addProduct(businessId, 'Second'),
      await addProduct(businessId, 'Third'),
    ];
    const customers = [fixture.customer, await addCustomer(businessId, 'Other buyer')];
    const actor = fixture.owner;
    // 20 minutes before local midnight of 2 December 2026.
    const midnight = Date.UTC(2026, 11, 3) - offsetHours * 3600_000;
    let clock = midnight - 20 * MINUTE;
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(clock);

    const keys: { id: string; key: string }[] = [];
    const instances: { keyIndex: number; id: string }[] = [];
    const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
    for (let step = 0; step < 160; step++) {
      clock += Math.floor(next() * 30_000);
      vi.setSystemTime(clock);
      const roll = next();
      if (keys.length < 5 || roll < 0.25) {
        const limit = pick([null, 1, 2, 3]);
        // Some keys expire within minutes (they expire during the run), some in weeks, some never.
        const expiresAt = pick([
          null,
          clock + (2 + Math.floor(next() * 30)) * MINUTE,
          clock + Math.floor(next() * 40) * DAY + DAY,
          null,
        ]);
        const created = await createLicenseKey(actor, {
          mode: next() < 0.5 ? 'generate' : 'import',
          key: `IMPORT-${newId('lic')}`,
          customerId: pick(customers).id,
          productId: pick(products).id,
          activationsLimit: limit,
          expiresAt: expiresAt === null ? null : new Date(expiresAt).toISOString(),
        } as never);
        if (!created.ok) throw new Error(created.code);
        keys.push({ id: created.value.id, key: created.value.key });
      } else if (roll < 0.6) {
        const keyIndex = Math.floor(next() * keys.length);
        const result = await activateLicenseKey(keys[keyIndex].key, `machine-${step}`, holder);
        if (result.ok) instances.push({ keyIndex, id: result.value.instance.id });
      } else if (roll < 0.75 && instances.length > 0) {
        const [gone] = instances.splice(Math.floor(next() * instances.length), 1);
        const key = keys[gone.keyIndex];
        const result =
          next() < 0.5
            ? await deactivateLicenseKey(key.key, gone.id, holder)
            : await deactivateInstance(actor, key.id, gone.id);
        expect(result.ok).toBe(true);
      } else {
        const key = pick(keys);
        const change = pick(['disable', 'enable', 'limit', 'expiry'] as const);
        await updateLicenseKey(
          actor,
          key.id,
          change === 'disable'
            ? { disabled: true }
            : change === 'enable'
              ? { disabled: false }
              : change === 'limit'
                ? { activationsLimit: pick([null, 2, 3, 4]) }
                : {
                    expiresAt: pick([
                      null,
                      new Date(clock + 5 * MINUTE).toISOString(),
                      new Date(clock + 29.5 * DAY).toISOString(),
                    ]),
                  },
        );
      }
    }
    // And one of each kind for sure, so that no figure below can pass at zero.
    const sure = async (activationsLimit: number | null, expiresAt: number | null) => {
      const made = await createLicenseKey(actor, {
        mode: 'generate',
        customerId: customers[0].id,
        productId: products[1].id,
        activationsLimit,
        expiresAt: expiresAt === null ? null : new Date(expiresAt).toISOString(),
      } as never);
      if (!made.ok) throw new Error(made.code);
      return made.value;
    };
    const full = await sure(1, null);
    expect((await activateLicenseKey(full.key, 'the one seat', holder)).ok).toBe(true);
    await sure(null, clock + 10 * DAY);
    await updateLicenseKey(actor, (await sure(2, null)).id, { disabled: true });
    vi.useRealTimers();
    expect(clock).toBeGreaterThan(midnight);

    // Now, and later as keys expire, and past the last day of the "expiring soon" window.
    for (const now of [
      new Date(clock),
      new Date(clock + 17 * MINUTE),
      new Date(clock + 29.9 * DAY),
    ]) {
      const overview = await expectRecount(businessId, '30d', now, timeZone);
      expect(overview.timeZone).toBe(timeZone);
    }
    const overview = await expectRecount(businessId, '12m', new Date(clock), timeZone);
    await expectRecount(businessId, '90d', new Date(clock), timeZone);
    // The run exercised every figure and both days of the chart.
    const f = overview.figures;
    for (const figure of [
      f.active,
      f.disabled,
      f.atLimit,
      f.expiringSoon,
      f.activationsUsed,
      f.unlimitedKeys,
    ]) {
      expect(figure).toBeGreaterThan(0);
    }
    const days = (await getOverview(operator(businessId), '30d', new Date(clock))).series;
    expect(days.at(-1)!.activations + days.at(-1)!.manual + days.at(-1)!.import).toBeGreaterThan(0);
    expect(days.at(-2)!.activations + days.at(-2)!.manual + days.at(-2)!.import).toBeGreaterThan(0);
    expect(
      (await getOverview(operator(businessId), '30d', new Date(clock + 40 * MINUTE))).figures
        .expired,
    ).toBeGreaterThan(0);

    // The tallies kept by the writers equal a rebuild from scratch.
    const tallies = () =>
      db.$queryRaw<
        unknown[]
      >`SELECT "productId", "expiryDay", CAST(sum("keys") AS INTEGER) AS "keys",
          CAST(sum("disabled") AS INTEGER) AS "disabled", CAST(sum("unlimited") AS INTEGER) AS "unlimited",
          CAST(sum("usedUnlimited") AS INTEGER) AS "usedUnlimited", CAST(sum("limitSum") AS INTEGER) AS "limitSum",
          CAST(sum("usedLimited") AS INTEGER) AS "usedLimited", CAST(sum("atLimit") AS INTEGER) AS "atLimit"
        FROM "KeyTally" WHERE "businessId" = ${businessId}
        GROUP BY "productId", "expiryDay"
        HAVING sum("keys") <> 0 ORDER BY "productId", "expiryDay"`;
    const rollups = () =>
      db.$queryRaw<unknown[]>`SELECT "quarter", CAST(sum("keysAuto") AS INTEGER) AS "a",
          CAST(sum("keysImport") AS INTEGER) AS "i", CAST(sum("keysManual") AS INTEGER) AS "m",
          CAST(sum("activations") AS INTEGER) AS "on", CAST(sum("deactivations") AS INTEGER) AS "off"
        FROM "ActivityRollup" WHERE "businessId" = ${businessId} GROUP BY "quarter" ORDER BY "quarter"`;
    const kept = { tallies: await tallies(), rollups: await rollups() };
    await rebuildOverviewCounts(db, testEngine(), businessId);
    expect({ tallies: await tallies(), rollups: await rollups() }).toEqual(kept);
    await expectRecount(businessId, '30d', new Date(clock), timeZone);
  }, 60_000);
});

describe('the overview of a business', () => {
  it('counts nothing of another business, and says what a new business lacks', async () => {
    const busy = await createBusinessFixture(db, 'Busy');
    const created = await createLicenseKey(busy.owner, {
      mode: 'generate',
      customerId: busy.customer.id,
      productId: busy.product.id,
      activationsLimit: 2,
      expiresAt: null,
    } as never);
    expect(created.ok).toBe(true);
    const empty = await db.business.create({ data: { id: newId('bus'), name: 'Empty' } });
    const overview = await getOverview(operator(empty.id), '30d');
    expect(overview.totals).toEqual({ keys: 0, products: 0, apiKeys: 0 });
    expect(overview.figures.active).toBe(0);
    expect(overview.series).toHaveLength(30);
    expect(overview.topProducts).toEqual([]);
    const busyOverview = await getOverview(busy.support, '30d');
    expect(busyOverview.figures.active).toBe(1);
    expect(busyOverview.totals).toMatchObject({ keys: 1, products: 1 });
  });

  it('puts a key created just before and one just after local midnight on different days', async () => {
    const fixture = await createBusinessFixture(db, 'Kathmandu');
    await db.business.update({
      where: { id: fixture.business.id },
      data: { timeZone: 'Asia/Kathmandu' },
    });
    const input = {
      mode: 'generate',
      customerId: fixture.customer.id,
      productId: fixture.product.id,
      activationsLimit: null,
      expiresAt: null,
    } as never;
    vi.useFakeTimers({ toFake: ['Date'] });
    // Midnight of 2 December in Kathmandu (UTC+05:45) is 18:15 UTC on 1 December.
    vi.setSystemTime(new Date('2026-12-01T18:14:59.900Z'));
    await createLicenseKey(fixture.owner, input);
    vi.setSystemTime(new Date('2026-12-01T18:15:00.000Z'));
    await createLicenseKey(fixture.owner, input);
    await createLicenseKey(fixture.owner, input);
    vi.useRealTimers();
    const { series } = await getOverview(
      operator(fixture.business.id),
      '30d',
      new Date('2026-12-02T03:00:00Z'),
    );
    expect(series.at(-2)).toMatchObject({ period: '2026-12-01', manual: 1 });
    expect(series.at(-1)).toMatchObject({ period: '2026-12-02', manual: 2 });
  });
});

describe('concurrent changes to one key', () => {
  it('keep the counts equal to a rebuild (activations, deactivations, limit and expiry changes)', async () => {
    const fixture = await createBusinessFixture(db, 'Race');
    const businessId = fixture.business.id;
    const made = await createLicenseKey(fixture.owner, {
      mode: 'generate',
      customerId: fixture.customer.id,
      productId: fixture.product.id,
      activationsLimit: 6,
      expiresAt: null,
    } as never);
    if (!made.ok) throw new Error(made.code);
    const { id, key } = made.value;
    const seated = await Promise.all(
      Array.from({ length: 8 }, (_, i) => activateLicenseKey(key, `first-${i}`, holder)),
    );
    const instanceIds = seated.flatMap((r) => (r.ok ? [r.value.instance.id] : []));
    await Promise.all([
      ...Array.from({ length: 10 }, (_, i) => activateLicenseKey(key, `more-${i}`, holder)),
      ...instanceIds.slice(0, 4).map((instance) => deactivateLicenseKey(key, instance, holder)),
      updateLicenseKey(fixture.owner, id, { activationsLimit: 8 }),
      updateLicenseKey(fixture.admin, id, { activationsLimit: null }),
      updateLicenseKey(fixture.owner, id, {
        expiresAt: new Date(Date.now() + 3 * DAY).toISOString(),
      }),
      updateLicenseKey(fixture.admin, id, { disabled: true }),
      updateLicenseKey(fixture.owner, id, { disabled: false }),
    ]);
    const kept = await getOverview(operator(businessId), '30d');
    await expectRecount(businessId, '30d', new Date(), 'UTC');
    await rebuildOverviewCounts(db, testEngine(), businessId);
    expect(await getOverview(operator(businessId), '30d')).toEqual(kept);
  });
});

describe('the demo seed', () => {
  it('writes the counts and the activation history a rebuild would', async () => {
    const { seedBusiness } = await import('@/prisma/seed-business');
    const { ACME_SEED } = await import('@/prisma/seed-data');
    const now = new Date();
    expect(await seedBusiness(db as never, ACME_SEED, now)).not.toBeNull();
    const businessId = ACME_SEED.id;
    await db.business.update({ where: { id: businessId }, data: { timeZone: 'Europe/Berlin' } });
    const seeded = await expectRecount(businessId, '90d', now, 'Europe/Berlin');
    expect(seeded.figures.activationsUsed).toBeGreaterThan(0);
    expect(seeded.series.some((p) => p.deactivations > 0)).toBe(true);
    await rebuildOverviewCounts(db, testEngine(), businessId);
    expect(await getOverview(operator(businessId), '90d', now)).toEqual(seeded);
    expect(await getOverview(operator(businessId), '12m', now)).toEqual(
      await expectRecount(businessId, '12m', now, 'Europe/Berlin'),
    );
  });
});
