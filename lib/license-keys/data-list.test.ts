import { afterAll, describe, expect, it } from 'vitest';
import { newId } from '@/lib/ids';
import { customerColumns } from '@/lib/customers/rows';
import { Prisma } from '@/lib/generated/prisma/client';
import { createBusinessFixture, createTestDatabase, testEngine } from '@/lib/testing/test-database';
import type { Cursor, LicenseKeyFilter, ListSort } from './list';
import { decodeCursor } from './list';

// The key list on a real, migrated database (SQLite, or PostgreSQL when DATABASE_URL names one):
// every filter, the search, both sorts, cursors across equal timestamps, counts, and tenancy.
const testDb = await createTestDatabase();
const { listLicenseKeyPage, listLicenseKeyRecords, listLicenseKeys, streamLicenseKeys } =
  await import('./data-list');
const { countQuery, offsetPageQuery, segmentPageQuery } = await import('./data-list-query');
const { segmentsOf, sqliteIndexFor } = await import('./data-list-order');
const { db } = testDb;
afterAll(() => testDb.cleanup());

const NOW = new Date('2026-06-15T12:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const at = (days: number) => new Date(NOW.getTime() + days * DAY);

type Fixture = Awaited<ReturnType<typeof createBusinessFixture>>;

async function addKey(
  business: Fixture,
  values: {
    key?: string;
    customerId?: string;
    productId?: string;
    expiresAt?: Date | null;
    disabled?: boolean;
    source?: 'auto' | 'import' | 'manual';
    createdAt?: Date;
    activationsLimit?: number | null;
    instancesCount?: number;
  } = {},
) {
  return db.licenseKey.create({
    data: {
      id: newId('lic'),
      businessId: business.business.id,
      key: values.key ?? `K-${newId('lic').slice(4, 20)}`,
      customerId: values.customerId ?? business.customer.id,
      productId: values.productId ?? business.product.id,
      expiresAt: values.expiresAt ?? null,
      disabled: values.disabled ?? false,
      source: values.source ?? 'manual',
      createdAt: values.createdAt ?? at(-10),
      activationsLimit: values.activationsLimit ?? null,
      instancesCount: values.instancesCount ?? 0,
    },
  });
}

async function addCustomer(business: Fixture, name: string, email: string) {
  return db.customer.create({
    data: {
      id: newId('cus'),
      businessId: business.business.id,
      ...customerColumns({ name, email }),
    },
  });
}

const page = (
  business: Fixture,
  filter: LicenseKeyFilter,
  view: { sort?: ListSort; cursor?: Cursor | null; pageSize?: number; countBound?: number } = {},
) =>
  listLicenseKeyPage(
    business.support,
    filter,
    {
      sort: view.sort ?? 'newest',
      cursor: view.cursor ?? null,
      pageSize: view.pageSize ?? 50,
      countBound: view.countBound,
    },
    NOW,
  );

const ids = (result: { keys: { id: string }[] }) => result.keys.map((key) => key.id);

// One business with a key of every kind, and a second business whose keys look just like them.
const acme = await createBusinessFixture(db, 'Acme');
const globex = await createBusinessFixture(db, 'Globex');
const acmeTools = await db.product.create({
  data: { id: newId('pdt'), businessId: acme.business.id, name: 'Tools', nameLower: 'tools' },
});
const dana = await addCustomer(acme, 'Dana Kim', 'dana.kim@northwind.example');
const keys = {
  active: await addKey(acme, { key: 'ABCD-EFGH-JKLM-NPQR', createdAt: at(-9) }),
  soon: await addKey(acme, { expiresAt: at(3), createdAt: at(-8), customerId: dana.id }),
  month: await addKey(acme, { expiresAt: at(20), createdAt: at(-7), source: 'import' }),
  expired: await addKey(acme, { expiresAt: at(-1), createdAt: at(-6), productId: acmeTools.id }),
  disabled: await addKey(acme, { disabled: true, createdAt: at(-5), source: 'auto' }),
  disabledExpired: await addKey(acme, { disabled: true, expiresAt: at(-2), createdAt: at(-4) }),
  toolsActive: await addKey(acme, {
    productId: acmeTools.id,
    createdAt: at(-3),
    expiresAt: at(400),
  }),
};
const globexKeys = [
  await addKey(globex, { key: 'ABCD-EFGH-JKLM-ZZZZ', createdAt: at(-1) }),
  await addKey(globex, { disabled: true, expiresAt: at(3), source: 'auto', createdAt: at(-1) }),
];
const globexDana = await addCustomer(globex, 'Dana Kim', 'dana.kim@globex.example');
await addKey(globex, { customerId: globexDana.id, createdAt: at(-1) });

describe('listLicenseKeyPage filters', () => {
  it('lists the business’s keys newest first, with customer and product, and counts them', async () => {
    const result = await page(acme, {});
    expect(ids(result)).toEqual([
      keys.toolsActive.id,
      keys.disabledExpired.id,
      keys.disabled.id,
      keys.expired.id,
      keys.month.id,
      keys.soon.id,
      keys.active.id,
    ]);
    expect(result.total).toEqual({ value: 7, exact: true });
    expect(result.offset).toEqual({ value: 0, exact: true });
    expect(result.next).toBeNull();
    expect(result.previous).toBeNull();
    const soon = result.keys.find((key) => key.id === keys.soon.id)!;
    expect(soon.customer).toEqual({
      id: dana.id,
      name: 'Dana Kim',
      email: 'dana.kim@northwind.example',
    });
    expect(soon.product.name).toBe('Acme App');
    expect(soon.expiresAt).toEqual(at(3));
    expect(soon.createdAt).toEqual(at(-8));
  });

  it.each([
    [{ status: 'active' }, ['toolsActive', 'month', 'soon', 'active']],
    [{ status: 'expired' }, ['expired']],
    [{ status: 'disabled' }, ['disabledExpired', 'disabled']],
    [{ source: 'import' }, ['month']],
    [{ source: 'auto' }, ['disabled']],
    [{ expires: 'next-7-days' }, ['soon']],
    [{ expires: 'next-30-days' }, ['month', 'soon']],
    [{ expires: 'expired' }, ['disabledExpired', 'expired']],
    [{ expires: 'never' }, ['disabled', 'active']],
    [{ status: 'active', expires: 'never' }, ['active']],
  ] as [LicenseKeyFilter, (keyof typeof keys)[]][])('%o', async (filter, expected) => {
    const result = await page(acme, filter);
    expect(ids(result)).toEqual(expected.map((name) => keys[name].id));
    expect(result.total).toEqual({ value: expected.length, exact: true });
    for (const key of result.keys) if (filter.status) expect(key.status).toBe(filter.status);
  });

  it('filters by product, by customer, and by status and product together', async () => {
    expect(ids(await page(acme, { productId: acmeTools.id }))).toEqual([
      keys.toolsActive.id,
      keys.expired.id,
    ]);
    expect(ids(await page(acme, { productId: acmeTools.id, status: 'expired' }))).toEqual([
      keys.expired.id,
    ]);
    expect(ids(await page(acme, { customerId: dana.id }))).toEqual([keys.soon.id]);
  });

  it('never shows another business’s keys, by product, customer or status', async () => {
    expect(ids(await page(acme, { productId: globex.product.id }))).toEqual([]);
    expect(ids(await page(acme, { customerId: globexDana.id }))).toEqual([]);
    const disabled = await page(globex, { status: 'disabled' });
    expect(ids(disabled)).toEqual([globexKeys[1].id]);
  });
});

// Activations (usage): a business of its own, with keys at, over, under and without their limit, in every status.
const seats = await createBusinessFixture(db, 'Seats');
const seat = (days: number, limit: number | null, used: number, more = {}) =>
  addKey(seats, { createdAt: at(-days), activationsLimit: limit, instancesCount: used, ...more });
const usageKeys = {
  full: await seat(9, 2, 2),
  // Over its limit: the limit was lowered after its activations.
  over: await seat(8, 1, 3),
  partly: await seat(7, 3, 1),
  unused: await seat(6, 3, 0),
  unlimitedUsed: await seat(5, null, 4),
  unlimitedIdle: await seat(4, null, 0),
  fullDisabled: await seat(3, 1, 1, { disabled: true }),
  fullExpired: await seat(2, 1, 1, { expiresAt: at(-1) }),
};
// Another business's key at its limit.
await addKey(globex, { activationsLimit: 1, instancesCount: 1 });

describe('listLicenseKeyPage by activations (usage)', () => {
  it.each([
    [{ usage: 'at-limit' }, ['fullExpired', 'fullDisabled', 'over', 'full']],
    [{ usage: 'at-limit', status: 'active' }, ['over', 'full']],
    [
      { usage: 'in-use' },
      ['fullExpired', 'fullDisabled', 'unlimitedUsed', 'partly', 'over', 'full'],
    ],
    [{ usage: 'in-use', status: 'active' }, ['unlimitedUsed', 'partly', 'over', 'full']],
    [{ usage: 'limited' }, ['fullExpired', 'fullDisabled', 'unused', 'partly', 'over', 'full']],
    [{ usage: 'limited', status: 'active' }, ['unused', 'partly', 'over', 'full']],
    [{ usage: 'unlimited' }, ['unlimitedIdle', 'unlimitedUsed']],
    [{ usage: 'unlimited', status: 'active' }, ['unlimitedIdle', 'unlimitedUsed']],
    [{ usage: 'at-limit', status: 'disabled' }, ['fullDisabled']],
  ] as [LicenseKeyFilter, (keyof typeof usageKeys)[]][])('%o', async (filter, expected) => {
    const result = await page(seats, filter);
    expect(ids(result)).toEqual(expected.map((name) => usageKeys[name].id));
    expect(result.total).toEqual({ value: expected.length, exact: true });
  });

  it('reads keys at their limit from the partial index LicenseKey_at_limit_idx', async () => {
    const engine = testEngine();
    const input = {
      engine,
      businessId: seats.business.id,
      filter: { usage: 'at-limit', status: 'active' } as const,
      now: NOW,
    };
    const [newest] = segmentsOf('newest');
    for (const query of [
      countQuery(input, 10_000),
      segmentPageQuery(input, newest, null, 51, false),
    ]) {
      // SQLite: INDEXED BY names it (sqliteIndexFor), and fails if the WHERE does not imply the
      // index's. PostgreSQL: the planner's choice, with sequential scans priced out of a tiny table.
      const plan =
        engine === 'sqlite'
          ? await db.$queryRaw<{ detail: string }[]>(Prisma.sql`EXPLAIN QUERY PLAN ${query}`)
          : (
              await db.$transaction([
                db.$executeRaw`SET LOCAL enable_seqscan = off`,
                db.$queryRaw<{ 'QUERY PLAN': string }[]>(Prisma.sql`EXPLAIN ${query}`),
              ])
            )[1];
      const text = plan.map((row) => Object.values(row).join(' ')).join('\n');
      expect(text).toContain('LicenseKey_at_limit_idx');
    }
    expect(sqliteIndexFor(input.filter, 'count')).toBe('LicenseKey_at_limit_idx');
  });

  it.runIf(testEngine() === 'postgresql')(
    'on PostgreSQL, taking a seat updates the key in place (HOT), and the at-limit filter follows it',
    async () => {
      // prisma/sql/postgresql-license-key-at-limit.sql: no index names "instancesCount", so the
      // UPDATE every activation runs writes no index entry; the generated column follows the count.
      const own = await createBusinessFixture(db, 'Seats HOT');
      const key = await addKey(own, { activationsLimit: 3, instancesCount: 1 });
      // What the UPDATE did, from the backend's own not yet reported counts (read before and after).
      const takeSeat = async () =>
        db.$transaction(async (tx) => {
          const counts = async () =>
            (
              await tx.$queryRaw<{ updated: number; inPlace: number }[]>`
                SELECT CAST(n_tup_upd AS integer) AS "updated",
                  CAST(n_tup_hot_upd AS integer) AS "inPlace"
                FROM pg_stat_xact_user_tables WHERE relname = 'LicenseKey'`
            )[0] ?? { updated: 0, inPlace: 0 };
          const before = await counts();
          await tx.$executeRaw`UPDATE "LicenseKey" SET "instancesCount" = "instancesCount" + 1
            WHERE "id" = ${key.id}`;
          const after = await counts();
          return {
            updated: after.updated - before.updated,
            inPlace: after.inPlace - before.inPlace,
          };
        });
      // 1 → 2 of 3: in place.
      expect(await takeSeat()).toEqual({ updated: 1, inPlace: 1 });
      expect(ids(await page(own, { usage: 'at-limit' }))).toEqual([]);
      // 2 → 3 of 3: the generated column changes, so the partial index gains the key.
      expect(await takeSeat()).toEqual({ updated: 1, inPlace: 0 });
      expect(ids(await page(own, { usage: 'at-limit' }))).toEqual([key.id]);
      await db.licenseKey.update({ where: { id: key.id }, data: { activationsLimit: 4 } });
      expect(ids(await page(own, { usage: 'at-limit' }))).toEqual([]);
    },
  );

  it('pages and counts keys at their limit by cursor, and by expiry', async () => {
    const first = await page(seats, { usage: 'at-limit' }, { pageSize: 3 });
    expect(first.total).toEqual({ value: 4, exact: true });
    const second = await page(
      seats,
      { usage: 'at-limit' },
      { pageSize: 3, cursor: decodeCursor(first.next!, 'after') },
    );
    expect(ids(second)).toEqual([usageKeys.full.id]);
    expect(second.offset).toEqual({ value: 3, exact: true });
    const byExpiry = await page(seats, { usage: 'at-limit' }, { sort: 'expiry' });
    expect(ids(byExpiry)[0]).toBe(usageKeys.fullExpired.id);
  });

  it.each(['at-limit', 'in-use', 'limited', 'unlimited'] as const)(
    'streams usage=%s for the export: the same keys as the list',
    async (usage) => {
      const filter = { usage, status: 'active' } as const;
      const streamed = [];
      for await (const key of streamLicenseKeys(seats.support, filter, 'newest', NOW)) {
        streamed.push(key);
      }
      const listed = (await page(seats, filter, { pageSize: 100 })).keys;
      expect(listed.length).toBeGreaterThan(0);
      expect(streamed).toEqual(listed);
    },
  );
});

describe('listLicenseKeyPage search', () => {
  it.each([
    ['the whole key', 'ABCD-EFGH-JKLM-NPQR'],
    ['the key in lower case', 'abcd-efgh-jklm-npqr'],
    ['a fragment with its dash', 'JKLM-NP'],
    ['a fragment without dashes', 'hjklmnpq'],
    ['a four-character fragment', 'npqr'],
    ['the key id', keys.active.id],
  ])('finds a key by %s, and only this business’s', async (_, search) => {
    expect(ids(await page(acme, { search }))).toEqual([keys.active.id]);
  });

  it('finds keys by customer name or email, by prefix and substring, any case', async () => {
    for (const search of ['Dana', 'kim', 'DANA.KIM@NORTHWIND', 'northwind', 'da']) {
      expect(ids(await page(acme, { search })), search).toEqual([keys.soon.id]);
    }
    // An email is looked up by the part before its @, then checked whole.
    expect(ids(await page(acme, { search: 'kim@northwind.example' }))).toEqual([keys.soon.id]);
    expect(ids(await page(acme, { search: 'dana.kim@nowhere' }))).toEqual([]);
  });

  it('does not look for key fragments under four characters, nor leak other businesses', async () => {
    expect(ids(await page(acme, { search: 'NPQ' }))).toEqual([]);
    expect(ids(await page(acme, { search: 'ZZZZ' }))).toEqual([]);
    expect(ids(await page(acme, { search: 'globex' }))).toEqual([]);
    expect(ids(await page(acme, { search: globexKeys[0].id }))).toEqual([]);
    expect(ids(await page(globex, { search: 'ABCD-EFGH' }))).toEqual([globexKeys[0].id]);
  });

  it('combines a search with filters, and counts what it finds', async () => {
    const result = await page(acme, { search: 'dana', expires: 'next-7-days' });
    expect(ids(result)).toEqual([keys.soon.id]);
    expect(result.total).toEqual({ value: 1, exact: true });
    expect(ids(await page(acme, { search: 'dana', status: 'disabled' }))).toEqual([]);
  });

  it('treats LIKE wildcards and quotes as text', async () => {
    for (const search of ['%%%%', '____', '"ab"cd', "o'neil"]) {
      expect(ids(await page(acme, { search })), search).toEqual([]);
    }
  });
});

describe('listLicenseKeyPage cursors', () => {
  it('pages forward and back through keys created at the same instant, none lost or doubled', async () => {
    const twins = await createBusinessFixture(db, 'Twins');
    const made = [];
    for (let i = 0; i < 7; i++) made.push(await addKey(twins, { createdAt: at(-1) }));
    const expected = made
      .map((key) => key.id)
      .sort()
      .reverse();
    const pages: string[][] = [];
    let result = await page(twins, {}, { pageSize: 3 });
    pages.push(ids(result));
    expect(result.offset.value).toBe(0);
    while (result.next) {
      result = await page(twins, {}, { pageSize: 3, cursor: decodeCursor(result.next, 'after') });
      pages.push(ids(result));
    }
    expect(pages.flat()).toEqual(expected);
    expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
    expect(result.offset).toEqual({ value: 6, exact: true });
    // And back: the previous page of the last is the middle one, then the first.
    result = await page(
      twins,
      {},
      { pageSize: 3, cursor: decodeCursor(result.previous!, 'before') },
    );
    expect(ids(result)).toEqual(pages[1]);
    expect(result.offset.value).toBe(3);
    result = await page(
      twins,
      {},
      { pageSize: 3, cursor: decodeCursor(result.previous!, 'before') },
    );
    expect(ids(result)).toEqual(pages[0]);
    expect(result.previous).toBeNull();
  });

  it('sorts by expiry, soonest first, never-expiring last, and pages across the two', async () => {
    const all: string[] = [];
    let result = await page(acme, {}, { sort: 'expiry', pageSize: 2 });
    all.push(...ids(result));
    while (result.next) {
      result = await page(
        acme,
        {},
        { sort: 'expiry', pageSize: 2, cursor: decodeCursor(result.next, 'after') },
      );
      all.push(...ids(result));
    }
    const never = [keys.active.id, keys.disabled.id].sort();
    expect(all).toEqual([
      keys.disabledExpired.id,
      keys.expired.id,
      keys.soon.id,
      keys.month.id,
      keys.toolsActive.id,
      ...never,
    ]);
    const back = await page(
      acme,
      {},
      { sort: 'expiry', pageSize: 2, cursor: decodeCursor(result.previous!, 'before') },
    );
    expect(ids(back)).toEqual(all.slice(4, 6));
    expect(back.offset.value).toBe(4);
  });

  it('counts exactly up to the bound and says "more" past it', async () => {
    const result = await page(acme, {}, { countBound: 5, pageSize: 2 });
    expect(result.total).toEqual({ value: 5, exact: false });
    expect((await page(acme, {}, { countBound: 7 })).total).toEqual({ value: 7, exact: true });
  });
});

describe('listLicenseKeys (REST paging) and streamLicenseKeys (export)', () => {
  it('gives the same order by page number, and streams every key of a view', async () => {
    const all = ids(await page(acme, {}));
    const byNumber = [];
    for (let n = 0; n < 4; n++) {
      byNumber.push(
        ...(await listLicenseKeys(acme.admin, {}, { pageNumber: n, pageSize: 2 }, NOW)).map(
          (k) => k.id,
        ),
      );
    }
    expect(byNumber).toEqual(all);
  });

  it.each<[string, LicenseKeyFilter]>([
    ['every key', {}],
    ['active keys', { status: 'active' }],
    ['a product', { productId: acmeTools.id }],
    ['a search', { search: 'acme' }],
  ])('reads the first page (joined as read on SQLite) as the list does: %s', async (_, filter) => {
    const listed = ids(await page(acme, filter));
    const first = await listLicenseKeys(acme.admin, filter, { pageNumber: 0, pageSize: 3 }, NOW);
    const second = await listLicenseKeys(acme.admin, filter, { pageNumber: 1, pageSize: 3 }, NOW);
    expect(listed.length).toBeGreaterThan(0);
    expect([...first, ...second].map((k) => k.id)).toEqual(listed.slice(0, 6));
  });

  it.each([true, false])(
    'reads the first page on SQLite in index order, with no sort of its own (names: %s)',
    async (names) => {
      if (testEngine() !== 'sqlite') return;
      const input = {
        engine: 'sqlite' as const,
        businessId: acme.business.id,
        filter: {},
        now: NOW,
      };
      const plan = await db.$queryRaw<{ detail: string }[]>(
        Prisma.sql`EXPLAIN QUERY PLAN ${offsetPageQuery(input, 0, 10, { names })}`,
      );
      const text = plan.map((row) => row.detail).join('\n');
      expect(text).toContain('LicenseKey_list_newest_idx');
      expect(text).not.toContain('TEMP B-TREE');
    },
  );

  it('gives the REST API the same keys, pages deep and shallow, without the names', async () => {
    for (const [filter, pageNumber] of [
      [{}, 0],
      [{}, 1],
      [{ search: 'acme' }, 0],
      [{ status: 'active' }, 1],
    ] as [LicenseKeyFilter, number][]) {
      const page = { pageNumber, pageSize: 3 };
      const named = await listLicenseKeys(acme.admin, filter, page, NOW);
      const records = await listLicenseKeyRecords(acme.admin, filter, page, NOW);
      expect(named.length).toBeGreaterThan(0);
      const withoutNames = named.map((key) => {
        const record: Partial<typeof key> = { ...key };
        delete record.customer;
        delete record.product;
        return record;
      });
      expect(records).toEqual(withoutNames);
    }
  });

  it('answers pages asked for at once, by two businesses, each with its own keys', async () => {
    const page = { pageNumber: 0, pageSize: 50 };
    const idsOf = (keys: { id: string }[]) => keys.map((key) => key.id);
    const acmeIds = idsOf(await listLicenseKeyRecords(acme.admin, {}, page, NOW));
    const globexIds = idsOf(await listLicenseKeyRecords(globex.admin, {}, page, NOW));
    // Asked for in one turn (read together on SQLite), interleaved, several times over.
    const together = await Promise.all(
      [acme, globex, acme, globex, globex, acme].map((business) =>
        listLicenseKeyRecords(business.admin, {}, page, NOW),
      ),
    );
    expect(acmeIds.length).toBeGreaterThan(0);
    expect(globexIds.length).toBeGreaterThan(0);
    expect(together.map(idsOf)).toEqual([
      acmeIds,
      globexIds,
      acmeIds,
      globexIds,
      globexIds,
      acmeIds,
    ]);
  });

  it.each<[string, LicenseKeyFilter, ListSort]>([
    ['every key, newest first', {}, 'newest'],
    ['active keys', { status: 'active' }, 'newest'],
    ['every key by expiry (never last)', {}, 'expiry'],
    ['a product by expiry', { productId: acmeTools.id }, 'expiry'],
    ['a search', { search: 'acme' }, 'newest'],
  ])('streams %s: the same keys, whole, in the list order', async (_, filter, sort) => {
    const streamed = [];
    for await (const key of streamLicenseKeys(acme.support, filter, sort, NOW)) streamed.push(key);
    const listed = (await page(acme, filter, { sort, pageSize: 100 })).keys;
    expect(listed.length).toBeGreaterThan(0);
    expect(streamed).toEqual(listed);
  });
});
