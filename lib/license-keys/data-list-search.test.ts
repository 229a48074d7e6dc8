import { afterAll, describe, expect, it } from 'vitest';
import { newId } from '@/lib/ids';
import { customerColumns } from '@/lib/customers/rows';
import { createBusinessFixture, createTestDatabase, testEngine } from '@/lib/testing/test-database';
import type { Cursor, LicenseKeyFilter, ListSort } from './list';
import { decodeCursor } from './list';
import { parseKeySearch } from './search';

// A search reads a page in one of two ways (data-list-runs.ts): by its matches (few), or the list in
// its order with each row tested (many), within a window past which it reads on by its matches.
// On a real database, every way must list the same keys in the same order, page after page, and
// they must be the keys the search means: a fragment of the key (its dashes removed, A–Z in any
// case), the whole key, its id, or the customer's lower-cased name or email (a prefix under three
// characters). Letters beyond ASCII, keys found both by fragment and by customer, ties in time,
// both sorts, filters, and another business with look-alike keys are all in the data.
const testDb = await createTestDatabase();
const { listLicenseKeyPage, SEARCH_COUNT_BOUND } = await import('./data-list');
const { db } = testDb;
afterAll(() => testDb.cleanup());

const NOW = new Date('2026-06-15T12:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const engine = testEngine();

const acme = await createBusinessFixture(db, 'Acme');
const globex = await createBusinessFixture(db, 'Globex');

async function addCustomer(business: typeof acme, name: string, email: string) {
  return db.customer.create({
    data: {
      id: newId('cus'),
      businessId: business.business.id,
      ...customerColumns({ name, email }),
    },
  });
}

const people = [
  acme.customer,
  await addCustomer(acme, 'Dana Kim', 'dana.kim@northwind.example'),
  await addCustomer(acme, 'Daniel Ross', 'daniel@dana-tools.example'),
  await addCustomer(acme, 'Jürgen Müller', 'j.muller@example.de'),
  await addCustomer(acme, 'İsmail Yılmaz', 'ismail@example.tr'),
  await addCustomer(acme, 'ΟΔΥΣΣΕΥΣ Π.', 'odysseus@example.gr'),
  // Found by "prd3" through the name too, with keys that have the fragment: each listed once.
  await addCustomer(acme, 'Prd3 Person', 'prd3@example.com'),
];
const hex = (n: number) => ((n * 2654435761) % 0xfffff).toString(16).toUpperCase().padStart(5, '0');
const specialKeys = [
  'ÄBCD-1234-EFGH',
  'abcd-\u212A999-0000',
  'DANA-0000-1111',
  "o'brien%_key-0001",
  'İSTANBUL-0001',
];
type Made = {
  id: string;
  key: string;
  customerId: string;
  createdAt: Date;
  expiresAt: Date | null;
};
const made: Made[] = [];
for (let n = 0; n < 44; n++) {
  const key =
    n < specialKeys.length ? specialKeys[n] : `PRD${n % 3 === 0 ? 3 : 1}-${hex(n)}-${hex(n + 99)}`;
  made.push(
    await db.licenseKey.create({
      data: {
        id: newId('lic'),
        businessId: acme.business.id,
        key,
        customerId: people[n % people.length].id,
        productId: acme.product.id,
        // Ties: keys made four at a time share their instant.
        createdAt: new Date(NOW.getTime() - (50 - Math.floor(n / 4)) * DAY),
        expiresAt: n % 5 === 0 ? null : new Date(NOW.getTime() + ((n * 37) % 90) * DAY - 30 * DAY),
        disabled: n % 7 === 0,
        source: 'manual',
      },
    }),
  );
}
const globexDana = await addCustomer(globex, 'Dana Kim', 'dana.kim@globex.example');
for (let n = 0; n < 6; n++) {
  await db.licenseKey.create({
    data: {
      id: newId('lic'),
      businessId: globex.business.id,
      key: `PRD3-${hex(n + 500)}-DANA${n}`,
      customerId: n % 2 ? globexDana.id : globex.customer.id,
      productId: globex.product.id,
      createdAt: new Date(NOW.getTime() - 10 * DAY),
      source: 'manual',
    },
  });
}

type Way = { label: string; searchByOrderFrom: number; searchWindow?: number };
const WAYS: Way[] = [
  { label: 'by matches', searchByOrderFrom: Number.POSITIVE_INFINITY },
  { label: 'in order', searchByOrderFrom: 0 },
  { label: 'in order, windows of 3 rows', searchByOrderFrom: 0, searchWindow: 3 },
  { label: 'chosen', searchByOrderFrom: 8 },
];

/** Every key of the view, page after page forward (4 a page), and the counts each page gave. */
async function readAll(filter: LicenseKeyFilter, sort: ListSort, way: Way) {
  const seen: string[] = [];
  const totals = new Set<string>();
  let cursor: Cursor | null = null;
  for (let pages = 0; pages < 30; pages++) {
    const result = await listLicenseKeyPage(
      acme.support,
      filter,
      {
        sort,
        cursor,
        pageSize: 4,
        searchByOrderFrom: way.searchByOrderFrom,
        searchWindow: way.searchWindow,
      },
      NOW,
    );
    expect(result.offset).toEqual({ value: seen.length, exact: true });
    seen.push(...result.keys.map((key) => key.id));
    totals.add(JSON.stringify(result.total));
    if (!result.next) return { ids: seen, totals: [...totals] };
    cursor = decodeCursor(result.next, 'after');
  }
  throw new Error('more than 30 pages');
}

/** The keys the search means, in the sort's order, worked out here from the rows themselves. */
function expected(
  search: string,
  filter: (key: Made & { disabled: boolean }) => boolean,
  sort: ListSort,
) {
  const parsed = parseKeySearch(search);
  const lowerKey = (key: string) =>
    engine === 'sqlite'
      ? key.replace(/[A-Z]/g, (c) => c.toLowerCase())
      : // PostgreSQL's lower() (C.UTF-8) maps a character to one character: "İ" to "i".
        [...key].map((c) => [...c.toLowerCase()][0]).join('');
  const fragment = engine === 'sqlite' ? parsed.asciiFragment : parsed.fragment;
  const byId = new Map(people.map((person) => [person.id, person]));
  const holds = (text: string) =>
    parsed.customerSubstring
      ? text.includes(parsed.customerText)
      : text.startsWith(parsed.customerText);
  return made
    .map((key, n) => ({ ...key, disabled: n % 7 === 0 }))
    .filter((key) => {
      const customer = byId.get(key.customerId)!;
      return (
        key.id === parsed.id ||
        key.key === parsed.text ||
        (fragment !== undefined && lowerKey(key.key.replaceAll('-', '')).includes(fragment)) ||
        holds(customer.nameLower) ||
        holds(customer.emailLower)
      );
    })
    .filter(filter)
    .sort((a, b) => {
      if (sort === 'newest') {
        return b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1);
      }
      const [x, y] = [a.expiresAt?.getTime() ?? Infinity, b.expiresAt?.getTime() ?? Infinity];
      return x - y || (a.id < b.id ? -1 : 1);
    })
    .map((key) => key.id);
}

const SEARCHES = [
  'PRD3',
  'prd3',
  'prd3-' + hex(3).slice(0, 2),
  'dana',
  'Dana Kim',
  'da',
  'DA',
  'mül',
  'Müller',
  'ismail',
  'İsm',
  'ευς',
  'ıl',
  'οδυσ',
  'ΟΔΥΣ',
  'äbcd',
  'ÄBCD',
  'Äbcd12',
  'abcd\u212A999',
  'İSTAN',
  'istanbul',
  "o'brien%_",
  '%_',
  made[20].key,
  made[21].id,
  'zzzz',
];
const FILTERS: [
  string,
  LicenseKeyFilter,
  (key: { disabled: boolean; expiresAt: Date | null; customerId: string }) => boolean,
][] = [
  ['no filter', {}, () => true],
  ['disabled', { status: 'disabled' }, (key) => key.disabled],
  ['never expires', { expires: 'never' }, (key) => key.expiresAt === null],
  // Each reads its own index on SQLite (INDEXED BY): every key here is manual and unlimited.
  ['a customer', { customerId: people[1].id }, (key) => key.customerId === people[1].id],
  ['manual, unlimited', { source: 'manual', usage: 'unlimited' }, () => true],
];

describe('a search read by its matches or in the list’s order', () => {
  for (const sort of ['newest', 'expiry'] as const) {
    for (const [filterName, filter, test] of FILTERS) {
      it(`lists the same keys every way, the ones the search means (${sort}, ${filterName})`, async () => {
        for (const search of SEARCHES) {
          const want = expected(search, test, sort);
          for (const way of WAYS) {
            const got = await readAll({ ...filter, search }, sort, way);
            expect({ search, way: way.label, ids: got.ids }).toEqual({
              search,
              way: way.label,
              ids: want,
            });
            expect({ search, way: way.label, totals: got.totals }).toEqual({
              search,
              way: way.label,
              totals: [JSON.stringify({ value: want.length, exact: true })],
            });
          }
        }
      });
    }
  }

  it('pages back the way it came, in order and windows', async () => {
    const way = WAYS[2];
    const view = { sort: 'newest' as const, pageSize: 4, ...way };
    const filter = { search: 'prd3' };
    const first = await listLicenseKeyPage(acme.support, filter, { ...view, cursor: null }, NOW);
    const second = await listLicenseKeyPage(
      acme.support,
      filter,
      { ...view, cursor: decodeCursor(first.next!, 'after') },
      NOW,
    );
    const third = await listLicenseKeyPage(
      acme.support,
      filter,
      { ...view, cursor: decodeCursor(second.next!, 'after') },
      NOW,
    );
    const back = await listLicenseKeyPage(
      acme.support,
      filter,
      { ...view, cursor: decodeCursor(third.previous!, 'before') },
      NOW,
    );
    expect(back.keys.map((key) => key.id)).toEqual(second.keys.map((key) => key.id));
    expect(back.offset).toEqual({ value: 4, exact: true });
  });

  it('counts a search up to SEARCH_COUNT_BOUND and says "more" past it', async () => {
    const bounded = await listLicenseKeyPage(
      acme.support,
      { search: 'prd' },
      { sort: 'newest', cursor: null, pageSize: 4, countBound: 5 },
      NOW,
    );
    expect(bounded.total).toEqual({ value: 5, exact: false });
    expect(SEARCH_COUNT_BOUND).toBe(1_000);
  });
});
