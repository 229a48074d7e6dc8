import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createBusinessFixture, createTestDatabase } from '@/lib/testing/test-database';
import { KEY_ALREADY_EXISTS_MESSAGE, type CreateLicenseKeyInput } from './schema';

// Integration tests on a real, migrated SQLite file: the same code path the server action takes.
const testDb = await createTestDatabase();
const { createLicenseKey, updateLicenseKey } = await import('./data');
const { getLicenseKey, listLicenseKeys } = await import('./data-read');
const { maskLicenseKey } = await import('@/lib/log');
const { db } = testDb;
afterAll(() => testDb.cleanup());

const acme = await createBusinessFixture(db, 'Acme');
const globex = await createBusinessFixture(db, 'Globex');

let counter = 0;
function uniqueKey() {
  counter += 1;
  return `IMPORTED-${Date.now()}-${counter}`;
}

function terms(overrides: Partial<CreateLicenseKeyInput> = {}) {
  return {
    customerId: acme.customer.id,
    productId: acme.product.id,
    activationsLimit: 5,
    expiresAt: null,
    ...overrides,
  } as const;
}

let keysBefore = 0;
beforeEach(async () => {
  keysBefore = await db.licenseKey.count();
});

describe('createLicenseKey', () => {
  it('generates a key with the product prefix, source manual, no activations used', async () => {
    const result = await createLicenseKey(acme.support, { ...terms(), mode: 'generate' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const key = await getLicenseKey(acme.owner, result.value.id);
    expect(key).toMatchObject({
      source: 'manual',
      status: 'active',
      instancesCount: 0,
      activationsLimit: 5,
      expiresAt: null,
    });
    expect(key?.key).toMatch(/^ACME-([2-9A-HJ-NP-Z]{5}-){4}[2-9A-HJ-NP-Z]{5}$/);
    expect(result.value.id).toMatch(/^lic_/);
  });

  it('imports a key as typed, source import, and an imported past expiry shows as expired', async () => {
    const key = uniqueKey();
    const result = await createLicenseKey(acme.support, {
      ...terms({ expiresAt: '2020-01-01T00:00:00Z', activationsLimit: null }),
      mode: 'import',
      key,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const stored = await getLicenseKey(acme.owner, result.value.id);
    expect(stored).toMatchObject({
      key,
      source: 'import',
      status: 'expired',
      activationsLimit: null,
    });
    expect(stored?.expiresAt?.toISOString()).toBe('2020-01-01T00:00:00.000Z');
  });

  it("refuses another business's customer and writes nothing", async () => {
    const result = await createLicenseKey(acme.support, {
      ...terms({ customerId: globex.customer.id }),
      mode: 'import',
      key: uniqueKey(),
    });
    expect(result).toEqual({ ok: false, code: 'CUSTOMER_NOT_FOUND' });
    expect(await db.licenseKey.count()).toBe(keysBefore);
  });

  it("refuses another business's product and writes nothing", async () => {
    const result = await createLicenseKey(acme.support, {
      ...terms({ productId: globex.product.id }),
      mode: 'generate',
    });
    expect(result).toEqual({ ok: false, code: 'PRODUCT_NOT_FOUND' });
    expect(await db.licenseKey.count()).toBe(keysBefore);
  });

  it('refuses ids that do not exist at all, on both fields', async () => {
    const result = await createLicenseKey(acme.support, {
      ...terms({ customerId: 'cus_nope', productId: 'pdt_nope' }),
      mode: 'generate',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('CUSTOMER_AND_PRODUCT_NOT_FOUND');
    expect(await db.licenseKey.count()).toBe(keysBefore);
  });

  it('reports a duplicate key on the key field, also across businesses, and writes nothing', async () => {
    const key = uniqueKey();
    const first = await createLicenseKey(globex.owner, {
      customerId: globex.customer.id,
      productId: globex.product.id,
      activationsLimit: 1,
      expiresAt: null,
      mode: 'import',
      key,
    });
    expect(first.ok).toBe(true);
    const countAfterFirst = await db.licenseKey.count();

    const clash = await createLicenseKey(acme.support, { ...terms(), mode: 'import', key });
    expect(clash).toEqual({ ok: false, code: 'KEY_TAKEN' });
    expect(KEY_ALREADY_EXISTS_MESSAGE).toContain('already exists');
    // The message does not reveal which business holds the key.
    expect(KEY_ALREADY_EXISTS_MESSAGE).not.toContain('Globex');
    expect(await db.licenseKey.count()).toBe(countAfterFirst);
  });

  it('20 concurrent imports of one key produce exactly one key', async () => {
    const key = uniqueKey();
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        createLicenseKey(acme.support, { ...terms(), mode: 'import', key }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.filter((r) => !r.ok);
    expect(refused).toHaveLength(19);
    for (const r of refused) expect(r).toEqual({ ok: false, code: 'KEY_TAKEN' });
    expect(await db.licenseKey.count({ where: { key } })).toBe(1);
  });
});

describe('reads', () => {
  it("do not show another business's key", async () => {
    const result = await createLicenseKey(globex.owner, {
      customerId: globex.customer.id,
      productId: globex.product.id,
      activationsLimit: 1,
      expiresAt: null,
      mode: 'generate',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(await getLicenseKey(acme.owner, result.value.id)).toBeNull();
    expect(await getLicenseKey(globex.owner, result.value.id)).not.toBeNull();
    const acmeList = await listLicenseKeys(acme.owner, {}, { pageNumber: 0, pageSize: 500 });
    expect(acmeList.map((k) => k.id)).not.toContain(result.value.id);
  });

  it('lists keys newest first; lists show them masked', async () => {
    const key = uniqueKey();
    await new Promise((resolve) => setTimeout(resolve, 5)); // a later millisecond than earlier keys
    await createLicenseKey(acme.support, { ...terms(), mode: 'import', key });
    const [newest] = await listLicenseKeys(acme.support, {}, { pageNumber: 0, pageSize: 1 });
    expect(newest.key).toBe(key);
    expect(maskLicenseKey(newest.key)).toBe(`••••${key.slice(-4)}`);
  });
});

describe('updateLicenseKey (Edit key on the key page)', () => {
  /** A key of Acme with `instancesCount` activations in use, limit 5, expiring 1 Jun 2027. */
  async function keyInUse(instancesCount: number) {
    const result = await createLicenseKey(acme.owner, {
      ...terms({ expiresAt: '2027-06-01T09:30:00.000Z' }),
      mode: 'import',
      key: uniqueKey(),
    });
    if (!result.ok) throw new Error(result.code);
    await db.licenseKey.update({ where: { id: result.value.id }, data: { instancesCount } });
    return result.value.id;
  }
  const changes = (id: string) =>
    db.auditEvent.findMany({
      where: { objectId: id, action: { not: 'license_key.imported' } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: { action: true, summary: true },
    });

  it('refuses a limit below the activations in use, saying how many, and changes nothing', async () => {
    const id = await keyInUse(3);
    const result = await updateLicenseKey(acme.support, id, {
      activationsLimit: 2,
      expiresAt: null,
    });
    expect(result).toEqual({
      ok: false,
      code: 'LIMIT_BELOW_ACTIVATIONS',
      detail: { instancesCount: 3 },
    });
    const stored = await db.licenseKey.findUniqueOrThrow({ where: { id } });
    expect(stored.activationsLimit).toBe(5);
    expect(stored.expiresAt?.toISOString()).toBe('2027-06-01T09:30:00.000Z');
    expect(await changes(id)).toEqual([]);
  });

  it('takes a limit equal to the activations in use, and records old and new values', async () => {
    const id = await keyInUse(3);
    const result = await updateLicenseKey(acme.support, id, {
      activationsLimit: 3,
      expiresAt: null,
    });
    expect(result.ok && result.value).toMatchObject({ activationsLimit: 3, expiresAt: null });
    expect(await changes(id)).toEqual([
      {
        action: 'license_key.limit_changed',
        summary: 'Changed the activations limit from 5 to 3',
      },
      {
        action: 'license_key.expiry_changed',
        summary: 'Changed the expiry from 1 Jun 2027, 09:30 UTC to never',
      },
    ]);
  });

  it('unlimited and a new expiry; the same terms again write nothing', async () => {
    const id = await keyInUse(1);
    const patch = { activationsLimit: null, expiresAt: '2028-01-02T03:04:00.000Z' };
    expect((await updateLicenseKey(acme.owner, id, patch)).ok).toBe(true);
    expect((await updateLicenseKey(acme.owner, id, patch)).ok).toBe(true);
    expect(await changes(id)).toEqual([
      {
        action: 'license_key.limit_changed',
        summary: 'Changed the activations limit from 5 to unlimited',
      },
      {
        action: 'license_key.expiry_changed',
        summary: 'Changed the expiry from 1 Jun 2027, 09:30 UTC to 2 Jan 2028, 03:04 UTC',
      },
    ]);
  });

  it("does not find another business's key", async () => {
    const id = await keyInUse(0);
    const result = await updateLicenseKey(globex.owner, id, { activationsLimit: 50 });
    expect(result).toEqual({ ok: false, code: 'LICENSE_KEY_NOT_FOUND' });
    expect((await db.licenseKey.findUniqueOrThrow({ where: { id } })).activationsLimit).toBe(5);
  });
});
