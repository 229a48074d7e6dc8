import { afterAll, describe, expect, it } from 'vitest';
import { newId } from '@/lib/ids';
import { maskLicenseKey } from '@/lib/log';
import { createBusinessFixture, createTestDatabase } from '@/lib/testing/test-database';
import { apiKeySecret } from './support';

// A read-only API key is not a write credential in disguise: it sees license keys masked, as the
// dashboard's lists show them. And what license holders do with a key through the public endpoints
// is in the key's history, with the client's address, so support can see who freed a seat.

process.env.KEYDESK_RATE_LIMIT_PER_LICENSE_KEY = '0';
process.env.KEYDESK_RATE_LIMIT_PER_ADDRESS = '0';

const testDb = await createTestDatabase();
const { db } = testDb;
const keysRoute = await import('@/app/api/license_keys/route');
const keyRoute = await import('@/app/api/license_keys/[id]/route');
const activate = (await import('@/app/api/licenses/activate/route')).POST;
const deactivate = (await import('@/app/api/licenses/deactivate/route')).POST;
const { listObjectHistory } = await import('@/lib/audit/data');
const { describeActor } = await import('@/lib/audit/describe');
afterAll(() => testDb.cleanup());

const acme = await createBusinessFixture(db, 'Acme');

const writeKey = await apiKeySecret(acme.owner, 'CI', false);
const readOnlyKey = await apiKeySecret(acme.owner, 'Reports', true);

const key = await db.licenseKey.create({
  data: {
    id: newId('lic'),
    businessId: acme.business.id,
    key: 'ACME-7XQ2K-PLM4R-SECRET-99ZZ1',
    customerId: acme.customer.id,
    productId: acme.product.id,
    activationsLimit: 3,
    source: 'import',
  },
});

function get(secret: string, path: string) {
  const request = new Request(`http://test/api/license_keys${path}`, {
    headers: { authorization: `Bearer ${secret}` },
  });
  return path === ''
    ? keysRoute.GET(request, { params: Promise.resolve({}) })
    : keyRoute.GET(request, { params: Promise.resolve({ id: path.slice(1) }) });
}

function post(handler: typeof activate, body: unknown, address: string) {
  return handler(
    new Request('http://test/api/licenses/x', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({}) },
  );
}

describe('a read-only API key', () => {
  it('sees keys masked, in the list and one by one; a write key sees them whole', async () => {
    const masked = maskLicenseKey(key.key);
    expect(masked).toBe('••••9ZZ1');
    const one = await (await get(readOnlyKey, `/${key.id}`)).json();
    expect(one).toMatchObject({ id: key.id, key: masked });
    const list = await (await get(readOnlyKey, '')).json();
    expect(list.items.map((item: { key: string }) => item.key)).toEqual([masked]);
    expect(JSON.stringify([one, list])).not.toContain(key.key);

    expect(await (await get(writeKey, `/${key.id}`)).json()).toMatchObject({ key: key.key });
    const written = await (await get(writeKey, '')).json();
    expect(written.items[0].key).toBe(key.key);
  });

  it('cannot use the masked key on the public endpoints', async () => {
    const answer = await post(
      activate,
      { license_key: maskLicenseKey(key.key), name: 'x' },
      '192.0.2.9',
    );
    expect(answer.status).toBe(404);
  });
});

describe("a key's history", () => {
  it('records public activations and deactivations as the license holder, with the address', async () => {
    const activated = await post(
      activate,
      { license_key: key.key, name: 'Dana’s laptop' },
      '198.51.100.23',
    );
    expect(activated.status).toBe(201);
    const instance = await activated.json();
    const freed = await post(
      deactivate,
      { license_key: key.key, license_key_instance_id: instance.id },
      '203.0.113.77',
    );
    expect(freed.status).toBe(200);

    const history = await listObjectHistory(acme.support, 'license_key', key.id);
    expect(history).toMatchObject([
      {
        action: 'license_key_instance.activated',
        actorType: 'license_holder',
        summary: `Activated instance “Dana’s laptop” (${instance.id}) from 198.51.100.23`,
      },
      {
        action: 'license_key_instance.deactivated',
        actorType: 'license_holder',
        summary: `Deactivated instance “Dana’s laptop” (${instance.id}) from 203.0.113.77`,
      },
    ]);
    expect(history.map(describeActor)).toEqual(['License holder', 'License holder']);
    const rows = await db.auditEvent.findMany({ where: { objectId: key.id } });
    expect(rows.map((row) => row.actorId)).toEqual(
      expect.arrayContaining(['198.51.100.23', '203.0.113.77']),
    );
    expect(JSON.stringify(rows)).not.toContain(key.key);
  });

  it('records nothing for a refused activation', async () => {
    const before = await db.auditEvent.count();
    const disabled = await db.licenseKey.create({
      data: {
        id: newId('lic'),
        businessId: acme.business.id,
        key: `ACME-${newId('lic')}`,
        customerId: acme.customer.id,
        productId: acme.product.id,
        disabled: true,
        source: 'import',
      },
    });
    expect(
      (await post(activate, { license_key: disabled.key, name: 'x' }, '192.0.2.1')).status,
    ).toBe(403);
    expect(await db.auditEvent.count()).toBe(before);
  });
});
