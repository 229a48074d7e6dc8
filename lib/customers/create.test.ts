import { afterAll, describe, expect, it } from 'vitest';
import { createBusinessFixture, createTestDatabase } from '@/lib/testing/test-database';
import { afterCreateCustomerPath, createCustomerSchema, safeReturnTo } from './schema';

// Integration tests on a real, migrated SQLite file: the same code path the server action takes.
const testDb = await createTestDatabase();
const { createCustomer, getCustomer, searchCustomers } = await import('./data');
const { db } = testDb;
afterAll(() => testDb.cleanup());

const acme = await createBusinessFixture(db, 'Acme');
const globex = await createBusinessFixture(db, 'Globex');

const customerAudit = (objectId: string) =>
  db.auditEvent.findMany({ where: { objectType: 'customer', objectId } });

describe('createCustomer', () => {
  it('creates the customer with lower-cased copies and an audit event', async () => {
    const result = await createCustomer(acme.support, {
      name: 'Mariana Quintero',
      email: 'Mariana.Quintero@Example.ORG',
    });
    expect(result).toMatchObject({ ok: true, value: { id: expect.stringMatching(/^cus_/) } });
    if (!result.ok) return;

    const row = await db.customer.findUniqueOrThrow({ where: { id: result.value.id } });
    expect(row).toMatchObject({
      businessId: acme.business.id,
      name: 'Mariana Quintero',
      email: 'Mariana.Quintero@Example.ORG',
      nameLower: 'mariana quintero',
      emailLower: 'mariana.quintero@example.org',
    });
    expect(await customerAudit(result.value.id)).toEqual([
      expect.objectContaining({
        businessId: acme.business.id,
        action: 'customer.created',
        actorId: acme.support.id,
        actorRole: 'support',
        summary: 'Created customer Mariana Quintero <Mariana.Quintero@Example.ORG>',
      }),
    ]);
  });

  it('is found by the customer search at once: by prefix and by substring (FTS triggers)', async () => {
    const result = await createCustomer(acme.admin, {
      name: 'Thaddeus Okonkwo',
      email: 't.okonkwo@fabrikam.example',
    });
    if (!result.ok) throw new Error('expected the customer to be created');
    const expected = [
      { id: result.value.id, name: 'Thaddeus Okonkwo', email: 't.okonkwo@fabrikam.example' },
    ];
    expect(await searchCustomers(acme.owner, 'thadd')).toEqual(expected);
    expect(await searchCustomers(acme.owner, 'konkw')).toEqual(expected);
    expect(await searchCustomers(acme.owner, 'fabrikam')).toEqual(expected);
    expect(await searchCustomers(globex.owner, 'konkw')).toEqual([]);
    expect(await getCustomer(acme.owner, result.value.id)).toMatchObject(expected[0]);
  });

  it('refuses an email the business already has, in any case, and writes nothing', async () => {
    const customersBefore = await db.customer.count();
    const auditBefore = await db.auditEvent.count();
    const result = await createCustomer(acme.owner, {
      name: 'Someone Else',
      email: 'MARIANA.quintero@example.org',
    });
    expect(result).toEqual({ ok: false, code: 'CUSTOMER_EMAIL_TAKEN' });
    expect(await db.customer.count()).toBe(customersBefore);
    expect(await db.auditEvent.count()).toBe(auditBefore);
    expect(await searchCustomers(acme.owner, 'someone')).toEqual([]);
  });

  it('allows the same email in another business (uniqueness is per business)', async () => {
    const result = await createCustomer(globex.owner, {
      name: 'Mariana Q.',
      email: 'mariana.quintero@example.org',
    });
    expect(result.ok).toBe(true);
  });

  it('lets only one of two simultaneous creates with the same email succeed', async () => {
    const input = { name: 'Racer', email: 'racer@example.org' };
    const results = await Promise.all([
      createCustomer(acme.support, input),
      createCustomer(acme.owner, { ...input, email: 'RACER@example.org' }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, code: 'CUSTOMER_EMAIL_TAKEN' }]);
    expect(
      await db.customer.count({
        where: { businessId: acme.business.id, emailLower: 'racer@example.org' },
      }),
    ).toBe(1);
  });
});

describe('createCustomerSchema', () => {
  it('trims both fields and keeps the email as typed', () => {
    expect(createCustomerSchema.parse({ name: '  Ana  ', email: ' Ana@Example.com ' })).toEqual({
      name: 'Ana',
      email: 'Ana@Example.com',
    });
  });

  it.each([
    [{ name: '', email: 'a@example.com' }, 'name', 'Enter the customer’s name.'],
    [{ name: 'Ana', email: '  ' }, 'email', 'Enter the customer’s email address.'],
    [
      { name: 'Ana', email: 'not-an-email' },
      'email',
      'Enter an email address like name@example.com.',
    ],
    [{ name: 'Ana', email: 'ana@' }, 'email', 'Enter an email address like name@example.com.'],
    [
      { name: 'x'.repeat(201), email: 'a@example.com' },
      'name',
      'A name has at most 200 characters.',
    ],
  ])('rejects %o', (input, field, message) => {
    const result = createCustomerSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path[0], i.message])).toEqual([[field, message]]);
  });
});

describe('safeReturnTo', () => {
  it.each([
    ['/license-keys/new', '/license-keys/new'],
    ['/license-keys/new?productId=pdt_1', '/license-keys/new?productId=pdt_1'],
    ['/customers/../license-keys', '/license-keys'],
    ['/%5Cevil', '/%5Cevil'], // percent-encoded: a path of this site, not a backslash
  ])('keeps the local path %s', (value, expected) => {
    expect(safeReturnTo(value)).toBe(expected);
  });

  it.each([
    undefined,
    '',
    'license-keys/new',
    'https://evil.example/',
    '//evil.example/path',
    '/\\evil.example',
    'javascript:alert(1)',
    '/\tevil',
    ['/license-keys/new'],
  ])('refuses %o', (value) => {
    expect(safeReturnTo(value)).toBeNull();
  });

  it('adds the new customer to returnTo, or goes to the list', () => {
    expect(afterCreateCustomerPath('cus_1', '/license-keys/new?productId=pdt_1')).toBe(
      '/license-keys/new?productId=pdt_1&customerId=cus_1',
    );
    expect(afterCreateCustomerPath('cus_1', null)).toBe('/customers?created=cus_1');
  });
});

describe('names are plain text on every engine', () => {
  it('refuses control characters in a customer name (PostgreSQL cannot store NUL)', async () => {
    const { createCustomerSchema } = await import('./schema');
    for (const name of ['Dana\u0000Kim', 'Dana\nKim', 'Dana\tKim']) {
      const result = createCustomerSchema.safeParse({ name, email: 'dana@example.org' });
      expect(result.success, JSON.stringify(name)).toBe(false);
    }
    expect(
      createCustomerSchema.safeParse({ name: 'Dana Kim', email: 'dana@example.org' }).success,
    ).toBe(true);
  });
});
