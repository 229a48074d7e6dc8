import { afterAll, describe, expect, it } from 'vitest';
import { NotAllowedError, type Actor } from '@/lib/auth/authorize';
import { createBusinessFixture, createTestDatabase } from '@/lib/testing/test-database';
import { customerFailures } from './schema';

// updateCustomer on a real database: the code path of the customer page's "Edit customer" form and
// of PATCH /api/customers/{id}.
const testDb = await createTestDatabase();
const { createCustomer, updateCustomer } = await import('./data');
const { listCustomerPage } = await import('./data-list');
const { db } = testDb;
afterAll(() => testDb.cleanup());

const acme = await createBusinessFixture(db, 'Acme');
const globex = await createBusinessFixture(db, 'Globex');

async function newCustomer(actor: Actor, name: string, email: string) {
  const result = await createCustomer(actor, { name, email });
  if (!result.ok) throw new Error(result.code);
  return result.value;
}

const row = (id: string) =>
  db.customer.findUniqueOrThrow({
    where: { id },
    select: { name: true, email: true, nameLower: true, emailLower: true },
  });
const updates = (objectId: string) =>
  db.auditEvent.findMany({
    where: { objectType: 'customer', objectId, action: 'customer.updated' },
    select: { actorId: true, actorRole: true, summary: true, businessId: true },
  });

describe('updateCustomer', () => {
  it('renames a customer (support may), keeps the lower-cased copies in step, audits it', async () => {
    const dana = await newCustomer(acme.owner, 'Dana Kim', 'dana@northwind.example');
    const result = await updateCustomer(acme.support, dana.id, {
      name: 'Dana Kim-Osei',
      email: 'Dana@Northwind.example',
    });
    expect(result).toMatchObject({ ok: true, value: { id: dana.id, name: 'Dana Kim-Osei' } });
    expect(await row(dana.id)).toEqual({
      name: 'Dana Kim-Osei',
      email: 'Dana@Northwind.example',
      nameLower: 'dana kim-osei',
      emailLower: 'dana@northwind.example',
    });
    expect(await updates(dana.id)).toEqual([
      {
        businessId: acme.business.id,
        actorId: acme.support.id,
        actorRole: 'support',
        summary:
          'Updated customer name “Dana Kim” → “Dana Kim-Osei”; email “dana@northwind.example” → “Dana@Northwind.example”',
      },
    ]);
    // The list finds the new name at once.
    const page = await listCustomerPage(acme.owner, { search: 'dana kim-', cursor: null });
    expect(page.rows.map((customer) => customer.id)).toEqual([dana.id]);
  });

  it('refuses an email another customer of the business has, in any case; nothing changes', async () => {
    const first = await newCustomer(acme.owner, 'Lee Park', 'lee@contoso.example');
    const second = await newCustomer(acme.owner, 'Kit Park', 'kit@contoso.example');
    const before = await row(second.id);
    const auditBefore = await db.auditEvent.count();
    const result = await updateCustomer(acme.owner, second.id, {
      name: 'Kit Park-Lee',
      email: 'LEE@contoso.example',
    });
    expect(result).toEqual({ ok: false, code: 'CUSTOMER_EMAIL_TAKEN' });
    expect(customerFailures.CUSTOMER_EMAIL_TAKEN).toMatchObject({ field: 'email' });
    expect(customerFailures.CUSTOMER_EMAIL_TAKEN.message).toContain('already used');
    expect(await row(second.id)).toEqual(before);
    expect(await row(first.id)).toMatchObject({ email: 'lee@contoso.example' });
    expect(await db.auditEvent.count()).toBe(auditBefore);
  });

  it('allows an email a customer of another business has', async () => {
    const theirs = await newCustomer(globex.owner, 'Ana Globex', 'ana@shared.example');
    const ours = await newCustomer(acme.owner, 'Ana Acme', 'ana.acme@shared.example');
    const result = await updateCustomer(acme.owner, ours.id, { email: 'ana@shared.example' });
    expect(result).toMatchObject({ ok: true });
    expect(await row(theirs.id)).toMatchObject({ name: 'Ana Globex' });
  });

  it("answers CUSTOMER_NOT_FOUND for another business's customer and changes nothing", async () => {
    const theirs = await newCustomer(globex.owner, 'Bo Globex', 'bo@globex.example');
    const before = await row(theirs.id);
    expect(await updateCustomer(acme.owner, theirs.id, { name: 'Taken Over' })).toEqual({
      ok: false,
      code: 'CUSTOMER_NOT_FOUND',
    });
    expect(await updateCustomer(acme.owner, 'cus_nope', { name: 'X' })).toMatchObject({
      ok: false,
      code: 'CUSTOMER_NOT_FOUND',
    });
    expect(await row(theirs.id)).toEqual(before);
    expect(await updates(theirs.id)).toEqual([]);
  });

  it('writes nothing for a change that changes nothing', async () => {
    const same = await newCustomer(acme.owner, 'Same Same', 'same@acme.example');
    expect(await updateCustomer(acme.owner, same.id, { ...same })).toMatchObject({ ok: true });
    expect(await updates(same.id)).toEqual([]);
  });

  it('is refused to a read-only API key', async () => {
    const readOnly: Actor = { ...acme.owner, type: 'api_key', role: 'read_only' };
    await expect(updateCustomer(readOnly, acme.customer.id, { name: 'X' })).rejects.toBeInstanceOf(
      NotAllowedError,
    );
  });
});
