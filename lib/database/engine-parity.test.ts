import { afterAll, describe, expect, it } from 'vitest';
import { apiListCustomersQuerySchema } from '@/lib/customers/api-schema';
import { createdRangeOf, pageOf } from '@/lib/http/api-schema';
import type { CustomerOption } from '@/lib/customers/schema';
import { newId } from '@/lib/ids';
import { licenseKeyStatus } from '@/lib/license-keys/status';
import { fieldsOfUniqueIndex, uniqueViolationFields } from '@/lib/prisma-errors';
import { createBusinessFixture, createTestDatabase, testEngine } from '@/lib/testing/test-database';

// What must read the same on SQLite and on PostgreSQL (the issue "PostgreSQL as the scale-out
// engine"). This file runs on the engine of the run: `npx vitest run` on SQLite,
// `DATABASE_URL=postgresql://… npx vitest run` on PostgreSQL, with a test database whose TimeZone
// is not UTC. Every expectation is computed here in plain TypeScript, never from either engine.

const testDb = await createTestDatabase();
const { db } = testDb;
const { searchCustomers, createCustomer } = await import('@/lib/customers/data');
const { listCustomers: listCustomerPage } = await import('@/lib/customers/data');
const { toApiCustomer } = await import('@/lib/customers/api');
const { searchProducts } = await import('@/lib/products/data');
const { createLicenseKey } = await import('@/lib/license-keys/data');
const { listLicenseKeys } = await import('@/lib/license-keys/data-read');
const { listLicenseKeyPage } = await import('@/lib/license-keys/data-list');
afterAll(() => testDb.cleanup());

const acme = await createBusinessFixture(db, 'Acme');
const globex = await createBusinessFixture(db, 'Globex');
const businessId = acme.business.id;

/** Byte-wise order of ASCII ids, as both engines order the id column ("B" before "a"). */
const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const SAME_INSTANT = new Date('2026-03-01T12:00:00.000Z');

async function addCustomer(name: string, email: string, id = newId('cus'), createdAt?: Date) {
  const data = { id, businessId, name, email, createdAt };
  const lower = { nameLower: name.toLowerCase(), emailLower: email.toLowerCase() };
  return db.customer.create({
    data: { ...data, ...lower },
    select: { id: true, name: true, email: true },
  });
}

// Ids that differ only in letter case and digits, all created at one instant: only a byte-wise
// tie-break on id orders them the same way everywhere.
const tiedIds = [
  'cus_aaaaaaaaaaaaaaaaaaaaa',
  'cus_Aaaaaaaaaaaaaaaaaaaaa',
  'cus_Zaaaaaaaaaaaaaaaaaaaa',
  'cus_0aaaaaaaaaaaaaaaaaaaa',
];
const customers: CustomerOption[] = [
  { id: acme.customer.id, name: acme.customer.name, email: acme.customer.email },
  await addCustomer('Dana Kim', 'dana.kim@northwind.io'),
  await addCustomer('Kimberly Osei', 'K.Osei@Contoso.com'),
  await addCustomer('DANIEL Kimura', 'dk@example.org'),
  await addCustomer('Jürgen Müller', 'jm@example.de'),
  await addCustomer('ab😀 Emoji', 'emoji@example.org'),
  await addCustomer('100% Cotton Co', 'sales@cotton.example'),
  await addCustomer('1000 Cotton', 'info@1000.example'),
  await addCustomer('a_b Studio', 'hello@ab.example'),
  await addCustomer('axb Studio', 'hello@axb.example'),
  await addCustomer('Back\\slash Ltd', 'office@backslash.example'),
  ...(await Promise.all(
    tiedIds.map((id, i) => addCustomer(`Tied ${i}`, `tied${i}@example.com`, id, SAME_INSTANT)),
  )),
];
await db.customer.create({
  data: {
    id: newId('cus'),
    businessId: globex.business.id,
    name: 'Dana Kimura',
    email: 'dana@globex.example',
    nameLower: 'dana kimura',
    emailLower: 'dana@globex.example',
  },
});

/**
 * The documented search, computed from the rows: name or email prefix matches by name, then (from
 * three characters) substring matches by name, case-insensitive, `%` and `_` literal.
 */
function expectedSearch(query: string, limit = 20): string[] {
  const q = query.trim().toLowerCase();
  const byName = (a: CustomerOption, b: CustomerOption) =>
    a.name.localeCompare(b.name, 'en') || byteOrder(a.id, b.id);
  const fields = (c: CustomerOption) => [c.name.toLowerCase(), c.email.toLowerCase()];
  const prefix = customers.filter((c) => fields(c).some((f) => f.startsWith(q))).sort(byName);
  const substring =
    [...q].length < 3
      ? []
      : customers
          .filter((c) => !prefix.includes(c) && fields(c).some((f) => f.includes(q)))
          .sort(byName);
  return [...prefix, ...substring].slice(0, limit).map((c) => c.name);
}

const names = (list: { name: string }[]) => list.map((c) => c.name);

/** GET /customers for Acme, everything on one page, as its route handler asks for it. */
async function listCustomers(filters: Record<string, string> = {}) {
  const query = apiListCustomersQuerySchema.parse({ page_size: 100, ...filters });
  const customers = await listCustomerPage(
    acme.support,
    {
      email: query.email,
      name: query.name,
      ...createdRangeOf(query),
    },
    pageOf(query),
  );
  return { items: customers.map(toApiCustomer) };
}

describe('customer search', () => {
  it.each([
    ['name prefix, any case', 'DAN'],
    ['substring of a name', 'kim'],
    ['email prefix, any case', 'k.osei@contoso'],
    ['substring of an email', 'northwind'],
    ['non-ASCII letters', 'MÜLL'],
    ['an emoji right after the prefix', 'ab'],
    ['a short query: prefix only', 'ki'],
    ['no match', 'zzqxj'],
  ])('%s (%j): the reference results in the reference order', async (_, query) => {
    const found = await searchCustomers(acme.support, query);
    expect(names(found)).toEqual(expectedSearch(query));
  });

  it('finds nothing of another business', async () => {
    expect(names(await searchCustomers(acme.support, 'dana kimura'))).toEqual([]);
  });

  it('treats LIKE wildcards % and _ and a backslash as the characters they are', async () => {
    for (const query of ['0% c', 'a_b', 'k\\s', '%', '_']) {
      expect(names(await searchCustomers(acme.support, query)), query).toEqual(
        expectedSearch(query),
      );
    }
    expect(names(await searchCustomers(acme.support, '0% c'))).toEqual(['100% Cotton Co']);
    expect(names(await searchCustomers(acme.support, 'a_b'))).toEqual(['a_b Studio']);
    expect(names(await searchCustomers(acme.support, 'k\\s'))).toEqual(['Back\\slash Ltd']);
  });

  it('lists by name, ties broken by id, for an empty query', async () => {
    const found = await searchCustomers(acme.support, '', 100);
    const lower = (c: CustomerOption) => c.name.toLowerCase();
    const expected = [...customers].sort(
      (a, b) => byteOrder(lower(a), lower(b)) || byteOrder(a.id, b.id),
    );
    expect(names(found)).toEqual(names(expected));
  });
});

describe('substring filters of the API and the product picker', () => {
  it('GET /customers?name= matches the text as written', async () => {
    const byName = async (name: string) =>
      (await listCustomers({ name })).items.map((c) => c.name).sort();
    expect(await byName('0%')).toEqual(['100% Cotton Co']);
    expect(await byName('A_B')).toEqual(['a_b Studio']);
    expect(await byName('k\\')).toEqual(['Back\\slash Ltd']);
    expect(await byName('ü')).toEqual(['Jürgen Müller']);
  });

  it('searchProducts matches the text as written', async () => {
    for (const name of ['Pro 50% Off', 'Pro 5000', 'x_y Tool', 'xzy Tool', 'Slash\\Kit']) {
      await db.product.create({
        data: { id: newId('pdt'), businessId, name, nameLower: name.toLowerCase() },
      });
    }
    const search = async (q: string) => names(await searchProducts(acme.support, q));
    expect(await search('50%')).toEqual(['Pro 50% Off']);
    expect(await search('X_Y')).toEqual(['x_y Tool']);
    expect(await search('h\\k')).toEqual(['Slash\\Kit']);
    expect(await search('%')).toEqual(['Pro 50% Off']);
  });
});

describe('ordering of lists: newest first, ties broken by id', () => {
  it('GET /customers', async () => {
    const { items } = await listCustomers();
    const rows = await db.customer.findMany({
      where: { businessId },
      select: { id: true, createdAt: true },
    });
    const expected = rows
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || byteOrder(b.id, a.id))
      .map((row) => row.id);
    expect(items.map((c) => c.customer_id)).toEqual(expected);
    const tied = items.map((c) => c.customer_id).filter((id) => tiedIds.includes(id));
    expect(tied).toEqual([...tiedIds].sort(byteOrder).reverse());
  });

  it('the dashboard list of license keys', async () => {
    const ids = [
      'lic_bbbbbbbbbbbbbbbbbbbbb',
      'lic_Bbbbbbbbbbbbbbbbbbbbb',
      'lic_9bbbbbbbbbbbbbbbbbbbb',
      'lic_zbbbbbbbbbbbbbbbbbbbb',
    ];
    const other = await createBusinessFixture(db, 'Ties');
    for (const [i, id] of ids.entries()) {
      await db.licenseKey.create({
        data: {
          id,
          businessId: other.business.id,
          key: `TIES-${i}-${id}`,
          customerId: other.customer.id,
          productId: other.product.id,
          source: 'import',
          createdAt: SAME_INSTANT,
        },
      });
    }
    const listed = await listLicenseKeys(other.owner, {}, { pageNumber: 0, pageSize: 50 });
    expect(listed.map((key) => key.id)).toEqual([...ids].sort(byteOrder).reverse());
  });
});

describe('times: compared at the exact instant, in UTC', () => {
  it('the key list’s status filter agrees with licenseKeyStatus a millisecond either side', async () => {
    const at = new Date('2026-06-30T23:59:59.999Z');
    const expiry = await createBusinessFixture(db, 'Expiry');
    const offsets = [-1, 0, 1, null];
    const keys = [];
    for (const offset of offsets) {
      const expiresAt = offset === null ? null : new Date(at.getTime() + offset);
      for (const disabled of [false, true]) {
        keys.push(
          await db.licenseKey.create({
            data: {
              id: newId('lic'),
              businessId: expiry.business.id,
              key: `EXPIRY-${newId('lic')}`,
              customerId: expiry.customer.id,
              productId: expiry.product.id,
              source: 'import',
              expiresAt,
              disabled,
            },
            select: { id: true, expiresAt: true, disabled: true },
          }),
        );
      }
    }
    const list = async (status: 'active' | 'expired' | 'disabled', now: Date) =>
      (
        await listLicenseKeyPage(
          expiry.owner,
          { status },
          { sort: 'newest', cursor: null, pageSize: 50 },
          now,
        )
      ).keys.map((key) => key.id);
    for (const status of ['active', 'expired', 'disabled'] as const) {
      const expected = keys.filter((key) => licenseKeyStatus(key, at) === status).map((k) => k.id);
      expect((await list(status, at)).sort(), status).toEqual(expected.sort());
    }
    // The key that expires at exactly `at` is expired at `at`, and active a millisecond before.
    const exact = keys.find((k) => !k.disabled && k.expiresAt?.getTime() === at.getTime())!;
    expect(await list('active', new Date(at.getTime() - 1))).toContain(exact.id);
    expect(await list('active', at)).not.toContain(exact.id);
  });

  it('GET /customers?created_at_gte/lte include the exact instant and nothing a millisecond off', async () => {
    const iso = SAME_INSTANT.toISOString();
    const ms = (delta: number) => new Date(SAME_INSTANT.getTime() + delta).toISOString();
    const ids = async (filters: Record<string, string>) =>
      (await listCustomers(filters)).items.map((c) => c.customer_id).sort();
    expect(await ids({ created_at_gte: iso, created_at_lte: iso })).toEqual([...tiedIds].sort());
    expect(await ids({ created_at_gte: ms(1), created_at_lte: ms(1) })).toEqual([]);
    expect(await ids({ created_at_gte: ms(-1), created_at_lte: ms(-1) })).toEqual([]);
    // Another offset, the same instant.
    expect(await ids({ created_at_gte: '2026-03-01T13:00:00+01:00', created_at_lte: iso })).toEqual(
      [...tiedIds].sort(),
    );
  });

  it('reads back every stored time as the instant written, whatever the server time zone', async () => {
    const row = await db.customer.findUniqueOrThrow({
      where: { id: tiedIds[0] },
      select: { createdAt: true },
    });
    expect(row.createdAt.toISOString()).toBe(SAME_INSTANT.toISOString());
    const before = Date.now();
    const created = await addCustomer('Now Person', 'now@example.com');
    const { createdAt } = await db.customer.findUniqueOrThrow({ where: { id: created.id } });
    expect(Math.abs(createdAt.getTime() - before)).toBeLessThan(60_000);
  });
});

describe('unique violations map to the same fields', () => {
  it('a duplicate license key is KEY_TAKEN (the `key` field), also across businesses', async () => {
    const key = `PARITY-${newId('lic')}`;
    const base = { activationsLimit: null, expiresAt: null, mode: 'import', key } as const;
    const first = await createLicenseKey(acme.support, {
      ...base,
      customerId: acme.customer.id,
      productId: acme.product.id,
    });
    expect(first.ok).toBe(true);
    const again = await createLicenseKey(globex.support, {
      ...base,
      customerId: globex.customer.id,
      productId: globex.product.id,
    });
    expect(again).toEqual({ ok: false, code: 'KEY_TAKEN' });
  });

  it('a duplicate customer email in one business, in another case, is CUSTOMER_EMAIL_TAKEN (the `email` field)', async () => {
    const email = `twice-${Date.now()}@example.com`;
    expect((await createCustomer(acme.support, { name: 'One', email })).ok).toBe(true);
    const again = await createCustomer(acme.support, { name: 'Two', email: email.toUpperCase() });
    expect(again).toEqual({ ok: false, code: 'CUSTOMER_EMAIL_TAKEN' });
    expect((await createCustomer(globex.support, { name: 'Three', email })).ok).toBe(true);
  });

  it('uniqueViolationFields names every field of a compound unique index', async () => {
    const member = await db.membership.findUniqueOrThrow({
      where: { id: acme.admin.id },
      select: { businessId: true, userId: true },
    });
    const error = await db.membership
      .create({ data: { id: newId('mem'), ...member, role: 'support' } })
      .catch((caught: unknown) => caught);
    expect(uniqueViolationFields(error)).toEqual(['businessId', 'userId']);
    expect(uniqueViolationFields(new Error('not Prisma'))).toBeNull();
  });

  it('reads PostgreSQL index names the way Prisma names them', () => {
    expect(fieldsOfUniqueIndex('LicenseKey', 'LicenseKey_key_key')).toEqual(['key']);
    expect(fieldsOfUniqueIndex('Customer', 'Customer_businessId_emailLower_key')).toEqual([
      'businessId',
      'emailLower',
    ]);
    expect(fieldsOfUniqueIndex('Business', 'Business_pkey')).toEqual([]);
    expect(fieldsOfUniqueIndex('Customer', 'custom_index_name')).toEqual(['custom_index_name']);
  });
});

it(`runs on the engine of the run (${testEngine()})`, () => {
  expect(testDb.url.startsWith(testEngine() === 'postgresql' ? 'postgres' : 'file:')).toBe(true);
});
