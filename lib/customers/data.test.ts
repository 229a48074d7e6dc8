import { afterAll, describe, expect, it } from 'vitest';
import { newId } from '@/lib/ids';
import { operatorActor } from '@/lib/auth/authorize';
import { createBusinessFixture, createTestDatabase, testEngine } from '@/lib/testing/test-database';

const testDb = await createTestDatabase();
const { searchCustomers, getCustomer } = await import('./data');
const { sqliteCustomersContaining } = await import('./data-search');
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

  it('finds a substring of the lower-cased name, as written there, on both engines', async () => {
    // "İ" lower-cases to "i" and a combining dot, "ΟΔΥΣΣΕΥΣ" to "οδυσσευς" (a final sigma). The
    // SQLite index once held names as typed, folded its own way ("İ" to a bare "i").
    const turkish = await addCustomer(acme.business.id, 'Ali İpek', 'ali@example.tr');
    const greek = await addCustomer(acme.business.id, 'ΟΔΥΣΣΕΥΣ Π.', 'odysseus@example.gr');
    expect(names(await searchCustomers(acme.owner, 'li İp'))).toEqual([turkish.name]);
    expect(names(await searchCustomers(acme.owner, 'ευς'))).toEqual([greek.name]);
    await db.customer.deleteMany({ where: { id: { in: [greek.id, turkish.id] } } });
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

  // SQLite's search index keeps each business's rows in one range of rowids, numbered from the
  // last three characters of its id (prisma/sql/sqlite-customer-search.sql).
  it('finds by substring in businesses whose ids share their last characters, or are odd', async () => {
    const ids = ['bus_twinAAxyz', 'bus_twinBBxyz', 'bus_ü€😀', 'b'];
    for (const id of ids) {
      await db.business.create({ data: { id, name: id } });
      await addCustomer(id, `Hana Kowalski ${id}`, `hana@${id.length}.example`);
    }
    for (const id of ids) {
      const found = await searchCustomers(operatorActor(id, 'test'), 'owalsk');
      expect(names(found)).toEqual([`Hana Kowalski ${id}`]);
    }
    // Renamed, moved (an operator's repair) and deleted, the index follows.
    const [first, second] = ids;
    const moving = await addCustomer(first, 'Ines Haddad', 'ines@twin.example');
    await db.customer.update({ where: { id: moving.id }, data: { businessId: second } });
    expect(await searchCustomers(operatorActor(first, 'test'), 'haddad')).toEqual([]);
    expect(names(await searchCustomers(operatorActor(second, 'test'), 'haddad'))).toEqual([
      'Ines Haddad',
    ]);
    await db.customer.delete({ where: { id: moving.id } });
    expect(await searchCustomers(operatorActor(second, 'test'), 'haddad')).toEqual([]);
  });

  it.runIf(testEngine() === 'sqlite')(
    "reads only the business's range of the SQLite search index",
    async () => {
      const sql = sqliteCustomersContaining(acme.business.id, 'kim');
      const plan = await db.$queryRawUnsafe<{ detail: string }[]>(
        `EXPLAIN QUERY PLAN ${sql.sql}`,
        ...sql.values,
      );
      // FTS5's plan: M for the MATCH, then the rowid's lower and upper bounds.
      expect(plan.map((step) => step.detail)).toContainEqual(
        expect.stringMatching(/^SCAN s VIRTUAL TABLE INDEX \d+:M\d*[<>]{2}$/),
      );
      const [{ rows }] = await db.$queryRawUnsafe<{ rows: number }[]>(
        `SELECT count(*) AS "rows" FROM (${sql.sql})`,
        ...sql.values,
      );
      expect(Number(rows)).toBe(2); // Dana Kim and Kimberly Osei, not Globex's Dana Kimura
    },
  );
});
