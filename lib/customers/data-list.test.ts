import { afterAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/authorize';
import { newId } from '@/lib/ids';
import { createBusinessFixture, createTestDatabase } from '@/lib/testing/test-database';
import { customerColumns } from './rows';
import { customerListViewSchema, type CustomerListRow } from './list';

// The customer list on a real database (SQLite, or PostgreSQL with DATABASE_URL=postgresql://…).

const testDb = await createTestDatabase();
const { listCustomerPage, countCustomerKeys } = await import('./data-list');
const { db } = testDb;
afterAll(() => testDb.cleanup());

const acme = await createBusinessFixture(db, 'Acme');
const globex = await createBusinessFixture(db, 'Globex');
const empty = await createBusinessFixture(db, 'Empty');
await db.customer.deleteMany({ where: { businessId: empty.business.id } });

async function addCustomer(businessId: string, name: string, email: string) {
  return db.customer.create({
    data: { id: newId('cus'), businessId, ...customerColumns({ name, email }) },
    select: { id: true, name: true, nameLower: true },
  });
}

const acmeId = acme.business.id;
const added = [
  ...(await Promise.all(
    ['Dana Kim', 'dana lee', 'Danielle Roy', 'Kimberly Osei', 'Zoë Ng', 'Ödön Kis', 'Åsa Berg'].map(
      (name, i) => addCustomer(acmeId, name, `person${i}@acme-people.example`),
    ),
  )),
  // Five customers of one name: the cursor must tell them apart by id.
  ...(await Promise.all(
    [1, 2, 3, 4, 5].map((i) => addCustomer(acmeId, 'Sam Same', `same${i}@acme-people.example`)),
  )),
  // Found by the search "dan" through the email or inside the name, not by the name's start.
  await addCustomer(acmeId, 'Rob Jordan', 'rob@acme-people.example'),
  await addCustomer(acmeId, 'Pat Quinn', 'dan.pat@acme-people.example'),
];
// The fixture's own customer is in the list too.
const acmeAll = [
  ...added,
  { id: acme.customer.id, name: acme.customer.name, nameLower: acme.customer.nameLower },
];
// Another business: a name and an email every search below would find.
await addCustomer(globex.business.id, 'Dana Globex', 'dan.globex@globex.example');
await addCustomer(globex.business.id, 'Aaron Dan', 'aaron@globex.example');

const byNameThenId = <T extends { nameLower: string; id: string }>(a: T, b: T) =>
  a.nameLower < b.nameLower ? -1 : a.nameLower > b.nameLower ? 1 : a.id < b.id ? -1 : 1;

type Options = Parameters<typeof listCustomerPage>[2];

const page = (actor: Actor, query: Record<string, string>, options?: Options) =>
  listCustomerPage(actor, customerListViewSchema.parse(query), options);

/** Every page of a list, forward from the first, then back again from the last. */
async function walk(actor: Actor, q: string, options: Options) {
  const forward: CustomerListRow[][] = [];
  const firsts: number[] = [];
  let current = await page(actor, { q }, options);
  for (;;) {
    forward.push(current.rows);
    firsts.push(current.first);
    if (!current.next) break;
    current = await page(actor, { q, after: current.next }, options);
    expect(forward.length).toBeLessThan(50);
  }
  const backward: CustomerListRow[][] = [current.rows];
  const backwardFirsts = [current.first];
  while (current.previous) {
    current = await page(actor, { q, before: current.previous }, options);
    backward.unshift(current.rows);
    backwardFirsts.unshift(current.first);
  }
  expect(backwardFirsts).toEqual(firsts);
  return { forward, backward, firsts, count: current.count };
}

const ids = (rows: { id: string }[]) => rows.map((row) => row.id);

describe('listCustomerPage without a search', () => {
  it('lists every customer by name (byte order of the lower-cased name), ties by id', async () => {
    const result = await page(acme.owner, {}, { pageSize: 100 });
    expect(ids(result.rows)).toEqual(ids([...acmeAll].sort(byNameThenId)));
    expect(result).toMatchObject({ first: 1, next: null, previous: null });
    expect(result.count).toEqual({ value: acmeAll.length, exact: true });
  });

  it('pages forward and back across equal names, each customer once, positions counted', async () => {
    const { forward, backward, firsts } = await walk(acme.owner, '', { pageSize: 2 });
    expect(ids(forward.flat())).toEqual(ids([...acmeAll].sort(byNameThenId)));
    expect(backward).toEqual(forward);
    expect(firsts).toEqual(forward.map((_, i) => 1 + 2 * i));
    expect(forward.every((rows) => rows.length === 2 || rows === forward.at(-1))).toBe(true);
  });

  it('the previous page of the second is the whole first page', async () => {
    const first = await page(acme.owner, {}, { pageSize: 3 });
    const second = await page(acme.owner, { after: first.next! }, { pageSize: 3 });
    expect(second.first).toBe(4);
    const back = await page(acme.owner, { before: second.previous! }, { pageSize: 3 });
    expect(back).toEqual(first);
  });

  it('counts exactly up to the bound and says "more than" past it', async () => {
    const n = acmeAll.length;
    expect((await page(acme.owner, {}, { countBound: n })).count).toEqual({
      value: n,
      exact: true,
    });
    expect((await page(acme.owner, {}, { countBound: n - 1 })).count).toEqual({
      value: n - 1,
      exact: false,
    });
    expect((await page(acme.owner, {}, { countBound: 3 })).count).toEqual({
      value: 3,
      exact: false,
    });
  });

  it('a business without customers has an empty list and a count of 0', async () => {
    const result = await page(empty.owner, {});
    expect(result).toMatchObject({ rows: [], count: { value: 0, exact: true }, next: null });
  });

  it('counts each customer’s license keys', async () => {
    const dana = added[0];
    for (let i = 0; i < 3; i++) {
      await db.licenseKey.create({
        data: {
          id: newId('lic'),
          businessId: acmeId,
          key: `LIST-${dana.id}-${i}`,
          customerId: dana.id,
          productId: acme.product.id,
          source: 'manual',
        },
      });
    }
    const rows = (await page(acme.owner, { q: 'dana kim' })).rows;
    expect(rows.map((row) => [row.name, row.keyCount])).toEqual([['Dana Kim', 3]]);
    expect(await countCustomerKeys(acme.owner, dana.id)).toEqual({ value: 3, exact: true });
    expect(await countCustomerKeys(acme.owner, dana.id, 2)).toEqual({ value: 2, exact: false });
    expect(await countCustomerKeys(globex.owner, dana.id)).toEqual({ value: 0, exact: true });
  });
});

describe('listCustomerPage with a search', () => {
  it('lists names starting with it by name, then the other matches by name', async () => {
    const result = await page(acme.owner, { q: ' DAN ' });
    expect(result.rows.map((row) => row.name)).toEqual([
      'Dana Kim',
      'dana lee',
      'Danielle Roy',
      'Pat Quinn', // email dan.pat@…
      'Rob Jordan', // "dan" inside the name
    ]);
    expect(result.count).toEqual({ value: 5, exact: true });
    expect(result.otherMatchesCapped).toBe(false);
  });

  it('pages across the two parts, forward and back', async () => {
    const { forward, backward, firsts } = await walk(acme.owner, 'dan', { pageSize: 2 });
    const names = forward.map((rows) => rows.map((row) => row.name));
    expect(names).toEqual([
      ['Dana Kim', 'dana lee'],
      ['Danielle Roy', 'Pat Quinn'],
      ['Rob Jordan'],
    ]);
    expect(backward).toEqual(forward);
    expect(firsts).toEqual([1, 3, 5]);
  });

  it('pages through equal names found by a search', async () => {
    const { forward } = await walk(acme.owner, 'sam', { pageSize: 2 });
    const same = acmeAll.filter((c) => c.name === 'Sam Same').sort(byNameThenId);
    expect(ids(forward.flat())).toEqual(ids(same));
  });

  it('caps the other matches at their bound and says so', async () => {
    // "acme-people" is in every added email: one customer's name starts with nothing of it.
    const capped = await page(acme.owner, { q: 'acme-people' }, { otherMatchesBound: 4 });
    expect(capped.otherMatchesCapped).toBe(true);
    expect(capped.count).toEqual({ value: 4, exact: false });
    const { forward } = await walk(acme.owner, 'acme-people', {
      pageSize: 3,
      otherMatchesBound: 4,
    });
    expect(forward.flat()).toHaveLength(4);
    const all = await page(acme.owner, { q: 'acme-people' }, { pageSize: 100 });
    expect(all.count).toEqual({ value: added.length, exact: true });
  });

  it('caps the count of name matches at the bound', async () => {
    const result = await page(acme.owner, { q: 'sam' }, { countBound: 2 });
    expect(result.count).toEqual({ value: 2, exact: false });
    expect(result.rows).toHaveLength(5);
  });

  it('says nothing matches when nothing does', async () => {
    const result = await page(acme.owner, { q: 'nobody-by-this-name' });
    expect(result).toMatchObject({ rows: [], count: { value: 0, exact: true }, next: null });
  });
});

describe('tenancy', () => {
  it("never lists another business's customers, by search, page or cursor", async () => {
    const acmeIds = new Set(ids(acmeAll));
    for (const q of ['', 'dan', 'dana', 'aaron', 'globex', 'dan.globex']) {
      const { forward, count } = await walk(acme.owner, q, { pageSize: 3 });
      for (const row of forward.flat()) expect(acmeIds.has(row.id)).toBe(true);
      expect(count).toEqual({ value: forward.flat().length, exact: true });
    }
    expect((await page(acme.owner, { q: 'globex' })).count).toEqual({ value: 0, exact: true });
    // A cursor made in Globex's list, pasted into Acme's, still lists Acme's customers only.
    const globexPage = await page(globex.owner, { q: 'dan' }, { pageSize: 1 });
    expect(globexPage.rows.map((row) => row.name)).toEqual(['Dana Globex']);
    const pasted = await page(acme.owner, { q: 'dan', after: globexPage.next! }, { pageSize: 10 });
    for (const row of pasted.rows) expect(acmeIds.has(row.id)).toBe(true);
  });
});
