import DodoPayments, { NotFoundError, PermissionDeniedError } from 'dodopayments';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { newId } from '@/lib/ids';
import { createBusinessFixture, createTestDatabase } from '@/lib/testing/test-database';
import { apiKeySecret } from './support';

// The merchant's instance endpoints, called in-process through their route handlers on a real
// SQLite file, with API keys of two businesses.

const testDb = await createTestDatabase();
const { db } = testDb;
const listRoute = await import('@/app/api/license_key_instances/route');
const itemRoute = await import('@/app/api/license_key_instances/[id]/route');
const licenses = await import('@/lib/licenses/data');
const holder = { requestId: 'req_test', address: '198.51.100.7' };
const activateLicenseKey = (key: string, name: string, at?: Date) =>
  licenses.activateLicenseKey(key, name, holder, at);
afterAll(() => testDb.cleanup());

const acme = await createBusinessFixture(db, 'Acme');
const globex = await createBusinessFixture(db, 'Globex');

const acmeWrite = await apiKeySecret(acme.owner, 'CI', false);
const acmeReadOnly = await apiKeySecret(acme.owner, 'Reports', true);
const globexWrite = await apiKeySecret(globex.owner, 'CI', false);

const serverErrors: string[] = [];
afterEach(() => expect(serverErrors).toEqual([]));

async function dispatch(request: Request): Promise<Response> {
  const path = new URL(request.url).pathname;
  const match = /^\/api\/license_key_instances(?:\/([^/]+))?$/.exec(path);
  if (!match) throw new Error(`no route for ${path}`);
  const method = request.method as 'GET' | 'PATCH';
  const response = match[1]
    ? await itemRoute[method as 'GET' | 'PATCH'](request, {
        params: Promise.resolve({ id: decodeURIComponent(match[1]) }),
      })
    : await listRoute.GET(request, { params: Promise.resolve({}) });
  if (response.status >= 500)
    serverErrors.push(`${method} ${path} ${await response.clone().text()}`);
  return response;
}

async function call(secret: string | null, method: 'GET' | 'PATCH', path: string, body?: unknown) {
  const response = await dispatch(
    new Request(`http://test/api/license_key_instances${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(secret ? { authorization: `Bearer ${secret}` } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
  );
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

async function licenseKey(business: typeof acme) {
  return db.licenseKey.create({
    data: {
      id: newId('lic'),
      businessId: business.business.id,
      key: `KEY-${newId('lic')}`,
      customerId: business.customer.id,
      productId: business.product.id,
      activationsLimit: null,
      source: 'import',
    },
  });
}

/** Activates `key` on `count` instances, one second apart, the last one newest. */
async function activate(key: { key: string }, count: number, start = Date.UTC(2030, 0, 1)) {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const result = await activateLicenseKey(key.key, `machine-${i}`, new Date(start + i * 1000));
    if (!result.ok) throw new Error(result.code);
    ids.push(result.value.instance.id);
  }
  return ids;
}

const acmeKey = await licenseKey(acme);
const acmeOtherKey = await licenseKey(acme);
const globexKey = await licenseKey(globex);
const acmeIds = await activate(acmeKey, 3);
const acmeOtherIds = await activate(acmeOtherKey, 2, Date.UTC(2030, 0, 2));
const [globexId] = await activate(globexKey, 1);

describe('GET /api/license_key_instances', () => {
  it("lists this business's instances newest first, filtered by key, one page at a time", async () => {
    const all = await call(acmeReadOnly, 'GET', '');
    expect(all.status).toBe(200);
    expect(all.body.items.map((item: { id: string }) => item.id)).toEqual([
      ...[...acmeOtherIds].reverse(),
      ...[...acmeIds].reverse(),
    ]);
    expect(all.body.items[0]).toEqual({
      id: acmeOtherIds[1],
      business_id: acme.business.id,
      created_at: '2030-01-02T00:00:01.000Z',
      license_key_id: acmeOtherKey.id,
      name: 'machine-1',
    });

    const ofKey = await call(acmeReadOnly, 'GET', `?license_key_id=${acmeKey.id}`);
    expect(ofKey.body.items.map((item: { id: string }) => item.id)).toEqual([...acmeIds].reverse());
    const page = await call(
      acmeReadOnly,
      'GET',
      `?license_key_id=${acmeKey.id}&page_size=2&page_number=1`,
    );
    expect(page.body.items.map((item: { id: string }) => item.id)).toEqual([acmeIds[0]]);
  });

  it("never shows another business's instances, even filtered by its key", async () => {
    const foreign = await call(acmeWrite, 'GET', `?license_key_id=${globexKey.id}`);
    expect(foreign).toEqual({ status: 200, body: { items: [] } });
    const globexList = await call(globexWrite, 'GET', '');
    expect(globexList.body.items.map((item: { id: string }) => item.id)).toEqual([globexId]);
  });

  it('refuses a bad query (422) and a missing or wrong API key (401)', async () => {
    const bad = await call(acmeWrite, 'GET', '?page_size=101');
    expect({ status: bad.status, code: bad.body.code }).toEqual({
      status: 422,
      code: 'INVALID_REQUEST_BODY',
    });
    expect(Object.keys(bad.body.errors)).toEqual(['page_size']);
    expect((await call(null, 'GET', '')).status).toBe(401);
    expect((await call('kd_live_not-a-real-key', 'GET', '')).body.code).toBe('UNAUTHORIZED');
  });
});

describe('GET /api/license_key_instances/{id}', () => {
  it('answers one instance; another business’s or an unknown id is 404', async () => {
    const own = await call(acmeReadOnly, 'GET', `/${acmeIds[0]}`);
    expect(own).toEqual({
      status: 200,
      body: {
        id: acmeIds[0],
        business_id: acme.business.id,
        created_at: '2030-01-01T00:00:00.000Z',
        license_key_id: acmeKey.id,
        name: 'machine-0',
      },
    });
    for (const id of [globexId, 'lki_doesnotexist']) {
      const res = await call(acmeWrite, 'GET', `/${id}`);
      expect({ status: res.status, code: res.body.code }).toEqual({
        status: 404,
        code: 'LICENSE_KEY_INSTANCE_NOT_FOUND',
      });
    }
  });
});

describe('PATCH /api/license_key_instances/{id}', () => {
  it('renames the instance and records who did it in the audit trail', async () => {
    const [id] = await activate(acmeKey, 1, Date.UTC(2030, 5, 1));
    const res = await call(acmeWrite, 'PATCH', `/${id}`, { name: '  Design iMac  ' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, name: 'Design iMac', license_key_id: acmeKey.id });
    const events = await db.auditEvent.findMany({
      where: { action: 'license_key_instance.renamed', objectId: id },
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      businessId: acme.business.id,
      actorType: 'api_key',
      actorName: 'CI',
      objectType: 'license_key_instance',
      summary: 'Renamed instance "machine-0" to "Design iMac"',
    });
  });

  it('refuses a read-only key (403), another business (404) and a bad name (422)', async () => {
    const [id] = await activate(acmeKey, 1, Date.UTC(2030, 6, 1));
    const readOnly = await call(acmeReadOnly, 'PATCH', `/${id}`, { name: 'nope' });
    expect({ status: readOnly.status, code: readOnly.body.code }).toEqual({
      status: 403,
      code: 'FORBIDDEN',
    });
    const foreign = await call(globexWrite, 'PATCH', `/${id}`, { name: 'stolen' });
    expect({ status: foreign.status, code: foreign.body.code }).toEqual({
      status: 404,
      code: 'LICENSE_KEY_INSTANCE_NOT_FOUND',
    });
    for (const name of ['', 'line\nbreak', 'x'.repeat(256), 7]) {
      const bad = await call(acmeWrite, 'PATCH', `/${id}`, { name });
      expect({ status: bad.status, code: bad.body.code }).toEqual({
        status: 422,
        code: 'INVALID_REQUEST_BODY',
      });
    }
    const row = await db.licenseKeyInstance.findUniqueOrThrow({ where: { id } });
    expect(row.name).toBe('machine-0');
    expect(
      await db.auditEvent.count({
        where: { action: 'license_key_instance.renamed', objectId: id },
      }),
    ).toBe(0);
  });
});

describe('the dodopayments SDK against these endpoints', () => {
  const sdk = (secret: string) =>
    new DodoPayments({
      bearerToken: secret,
      baseURL: 'http://test/api',
      maxRetries: 0,
      fetch: (input, init) => dispatch(new Request(input, init)),
    });

  it('lists, retrieves and updates instances; refusals are typed errors', async () => {
    const client = sdk(acmeWrite);
    const page = await client.licenseKeyInstances.list({ license_key_id: acmeOtherKey.id });
    expect(page.items.map((item) => item.id)).toEqual([...acmeOtherIds].reverse());

    const retrieved = await client.licenseKeyInstances.retrieve(acmeOtherIds[0]);
    expect(retrieved.license_key_id).toBe(acmeOtherKey.id);
    const updated = await client.licenseKeyInstances.update(acmeOtherIds[0], { name: 'via SDK' });
    expect(updated.name).toBe('via SDK');

    await expect(client.licenseKeyInstances.retrieve(globexId)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      sdk(acmeReadOnly).licenseKeyInstances.update(acmeOtherIds[0], { name: 'x' }),
    ).rejects.toBeInstanceOf(PermissionDeniedError);
  });

  it('auto-paginates every instance when the first page is asked for as page_number 0', async () => {
    const key = await licenseKey(acme);
    const ids = await activate(key, 5, Date.UTC(2031, 0, 1));
    const seen: string[] = [];
    for await (const item of sdk(acmeReadOnly).licenseKeyInstances.list({
      license_key_id: key.id,
      page_size: 2,
      page_number: 0,
    })) {
      seen.push(item.id);
    }
    expect(seen).toEqual([...ids].reverse());
  });
});
