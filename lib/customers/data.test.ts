import { afterAll, describe, expect, it } from 'vitest';
import { newId } from '@/lib/ids';
import { createBusinessFixture, createTestDatabase } from '@/lib/testing/test-database';

const testDb = await createTestDatabase();
const { searchCustomers, getCustomer } = await import('./data');
const { db } = testDb;
afterAll(() => testDb.cleanup());

const acme = await createBusinessFixture(db, 'Acme');
const globex = await createBusinessFixture(db, 'Globex');

async function addCustomer(businessId: string, name: string, email: string) {
  return db.customer.create({
    data: {
      id: newId('cus'),
      businessId,
      name,
      email,
      nameLower: name.toLowerCase(),
      emailLower: email.toLowerCase(),
    },
  });
}

const dana = await addCustomer(acme.business.id, 'Dana Kim', 'dana.kim@northwind.io');
const kimberly = await addCustomer(acme.business.id, 'Kimberly Osei', 'k.osei@contoso.com');
const otherDana = await addCustomer(globex.business.id, 'Dana Kimura', 'dana@globex.example');
await addCustomer(acme.business.id, 'Zoë "Quotes" Ng', 'zoe@example.org');

const names = (list: { name: string }[]) => list.map((c) => c.name);

describe('searchCustomers', () => {
  it('finds by name prefix, case-insensitively, prefix matches first', async () => {
    const found = await searchCustomers(acme.owner, 'KIM');
    expect(names(found)[0]).toBe('Kimberly Osei');
    expect(names(found)).toContain('Dana Kim'); // substring match, after the prefix match
  });

  it('finds by email prefix', async () => {
    expect(names(await searchCustomers(acme.owner, 'k.osei@'))).toEqual(['Kimberly Osei']);
  });

  it('finds a substring of a name or an email from three characters on', async () => {
    expect(names(await searchCustomers(acme.owner, 'a ki'))).toEqual(['Dana Kim']);
    expect(names(await searchCustomers(acme.owner, 'northwind'))).toEqual(['Dana Kim']);
  });

  it('matches short queries by prefix only', async () => {
    expect(names(await searchCustomers(acme.owner, 'da'))).toEqual(['Dana Kim']);
    expect(await searchCustomers(acme.owner, 'ki')).toEqual([
      { id: kimberly.id, name: 'Kimberly Osei', email: 'k.osei@contoso.com' },
    ]);
  });

  it("never returns another business's customers", async () => {
    const found = await searchCustomers(acme.owner, 'dana');
    expect(found.map((c) => c.id)).toEqual([dana.id]);
    expect(found.map((c) => c.id)).not.toContain(otherDana.id);
    expect(await getCustomer(acme.owner, otherDana.id)).toBeNull();
  });

  it('treats search syntax as plain text', async () => {
    expect(names(await searchCustomers(acme.owner, '"quotes"'))).toEqual(['Zoë "Quotes" Ng']);
    for (const odd of ['"', 'a OR b', 'NEAR(', '*', "'; DROP TABLE", '%_%', 'ü'.repeat(50)]) {
      await expect(searchCustomers(acme.owner, odd)).resolves.toBeInstanceOf(Array);
    }
  });

  it('lists the first customers by name for an empty query', async () => {
    const found = await searchCustomers(acme.owner, '   ');
    expect(names(found)).toEqual([...names(found)].sort((a, b) => a.localeCompare(b, 'en')));
    expect(found.length).toBeGreaterThanOrEqual(4);
  });

  it('keeps the search index in step with renames and deletions', async () => {
    const temp = await addCustomer(acme.business.id, 'Temporary Person', 'temp@example.org');
    await db.customer.update({
      where: { id: temp.id },
      data: { name: 'Renamed Person', nameLower: 'renamed person' },
    });
    expect(names(await searchCustomers(acme.owner, 'porary'))).toEqual([]);
    expect(names(await searchCustomers(acme.owner, 'named per'))).toEqual(['Renamed Person']);
    await db.customer.delete({ where: { id: temp.id } });
    expect(names(await searchCustomers(acme.owner, 'named per'))).toEqual([]);
  });
});
