import DodoPayments, { ConflictError, NotFoundError, PermissionDeniedError } from 'dodopayments';
import { afterAll, describe, expect, it } from 'vitest';
import { apiCustomerSchema } from '@/lib/customers/api-schema';
import { createBusinessFixture, createTestDatabase } from '@/lib/testing/test-database';
import { apiKeySecret } from './support';

// PATCH /api/customers/{id}, in-process through its route handler on a real database, and through
// the official dodopayments SDK's `customers.update`.

const testDb = await createTestDatabase();
const { db } = testDb;
const itemRoute = await import('@/app/api/customers/[id]/route');
const { createCustomer } = await import('@/lib/customers/data');
afterAll(() => testDb.cleanup());

const acme = await createBusinessFixture(db, 'Acme');
const globex = await createBusinessFixture(db, 'Globex');

const acmeWrite = await apiKeySecret(acme.owner, 'CI', false);
const acmeReadOnly = await apiKeySecret(acme.owner, 'Reports', true);

async function customer(name: string, email: string) {
  const result = await createCustomer(acme.owner, { name, email });
  if (!result.ok) throw new Error(result.code);
  return result.value;
}

function dispatch(request: Request) {
  const id = decodeURIComponent(new URL(request.url).pathname.split('/').pop()!);
  const handler = request.method === 'PATCH' ? itemRoute.PATCH : itemRoute.GET;
  return handler(request, { params: Promise.resolve({ id }) });
}

async function patch(secret: string, id: string, body: unknown) {
  const response = await dispatch(
    new Request(`http://test/api/customers/${id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );
  return { status: response.status, body: await response.json() };
}

describe('PATCH /api/customers/{id}', () => {
  it('renames and changes the email, keeps what is absent or null, audited as the API key', async () => {
    const dana = await customer('Dana Kim', 'dana@acme.example');
    const renamed = await patch(acmeWrite, dana.id, { name: ' Dana Kim-Lee ', email: null });
    expect(renamed.status).toBe(200);
    expect(apiCustomerSchema.strict().parse(renamed.body)).toMatchObject({
      customer_id: dana.id,
      name: 'Dana Kim-Lee',
      email: 'dana@acme.example',
    });
    const moved = await patch(acmeWrite, dana.id, { email: 'Dana.Lee@Acme.example' });
    expect(moved.body).toMatchObject({ name: 'Dana Kim-Lee', email: 'Dana.Lee@Acme.example' });
    const row = await db.customer.findUniqueOrThrow({ where: { id: dana.id } });
    expect(row).toMatchObject({ nameLower: 'dana kim-lee', emailLower: 'dana.lee@acme.example' });
    const events = await db.auditEvent.findMany({
      where: { objectId: dana.id, action: 'customer.updated' },
      orderBy: { createdAt: 'asc' },
    });
    expect(events).toMatchObject([
      {
        actorType: 'api_key',
        summary: expect.stringContaining('name “Dana Kim” → “Dana Kim-Lee”'),
      },
      { actorType: 'api_key', summary: expect.stringContaining('email') },
    ]);
    // Nothing to change: nothing written.
    expect((await patch(acmeWrite, dana.id, { name: 'Dana Kim-Lee' })).status).toBe(200);
    expect(await db.auditEvent.count({ where: { objectId: dana.id } })).toBe(3);
  });

  it('refuses an email another customer has (409), a bad one (422), others’ customers (404)', async () => {
    const first = await customer('First', 'first@acme.example');
    await customer('Second', 'second@acme.example');
    expect(await patch(acmeWrite, first.id, { email: 'SECOND@acme.example' })).toMatchObject({
      status: 409,
      body: { code: 'CUSTOMER_ALREADY_EXISTS' },
    });
    expect(await patch(acmeWrite, first.id, { email: 'not an address' })).toMatchObject({
      status: 422,
      body: { errors: { email: [expect.any(String)] } },
    });
    expect(await patch(acmeWrite, globex.customer.id, { name: 'Mine now' })).toMatchObject({
      status: 404,
      body: { code: 'CUSTOMER_NOT_FOUND' },
    });
    expect(await patch(acmeReadOnly, first.id, { name: 'Read only' })).toMatchObject({
      status: 403,
    });
    expect(await db.customer.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
      name: 'First',
      email: 'first@acme.example',
    });
  });

  it('works through the SDK’s customers.update; refusals are typed errors', async () => {
    const client = new DodoPayments({
      bearerToken: acmeWrite,
      baseURL: 'http://test/api',
      maxRetries: 0,
      fetch: (input, init) => dispatch(new Request(input, init)),
    });
    const ana = await customer('Ana', 'ana@acme.example');
    const updated = await client.customers.update(ana.id, {
      name: 'Ana Souza',
      phone_number: null,
    });
    expect(updated).toMatchObject({ customer_id: ana.id, name: 'Ana Souza' });
    await expect(
      client.customers.update(ana.id, { email: 'first@acme.example' }),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(client.customers.update(globex.customer.id, { name: 'x' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const readOnly = new DodoPayments({
      bearerToken: acmeReadOnly,
      baseURL: 'http://test/api',
      maxRetries: 0,
      fetch: (input, init) => dispatch(new Request(input, init)),
    });
    await expect(readOnly.customers.update(ana.id, { name: 'y' })).rejects.toBeInstanceOf(
      PermissionDeniedError,
    );
  });
});
