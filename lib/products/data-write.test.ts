import { afterAll, describe, expect, it } from 'vitest';
import { NotAllowedError, operatorActor, type Actor } from '@/lib/auth/authorize';
import { newId } from '@/lib/ids';
import { newRequestId } from '@/lib/log';
import { createBusinessFixture, createTestDatabase } from '@/lib/testing/test-database';
import type { ProductInput } from './schema';

// Integration tests on a real, migrated database (SQLite, or PostgreSQL with DATABASE_URL): creating,
// archiving and unarchiving products, and what an archived product still does and no longer does.
const testDb = await createTestDatabase();
const { getProduct, listProductNames, listProducts, searchProducts } = await import('./data');
const { createProduct, setProductArchived, updateProduct } = await import('./data-write');
const { createLicenseKey } = await import('@/lib/license-keys/data');
const { activateLicenseKey, validateLicenseKey } = await import('@/lib/licenses/data');
const { db } = testDb;
afterAll(() => testDb.cleanup());

const acme = await createBusinessFixture(db, 'Acme');
const globex = await createBusinessFixture(db, 'Globex');

const apiKey = (access: 'write' | 'read_only'): Actor => ({
  businessId: acme.business.id,
  type: 'api_key',
  id: newId('key'),
  name: `CI ${access}`,
  role: access,
  requestId: newRequestId(),
});

const input = (overrides: Partial<ProductInput> = {}): ProductInput => ({
  name: 'Photo Editor Pro',
  description: 'Edits photos.\nFast.',
  activationsLimit: 2,
  keyLifetime: { count: 30, interval: 'day' },
  keyPrefix: 'PHOTO',
  ...overrides,
});

const auditRows = (objectId: string) =>
  db.auditEvent.findMany({
    where: { objectType: 'product', objectId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });

describe('createProduct', () => {
  it('stores every field in the actor’s business and audits it in the same write', async () => {
    const product = await createProduct(acme.admin, input());
    expect(product).toMatchObject({
      id: expect.stringMatching(/^pdt_/),
      businessId: acme.business.id,
      name: 'Photo Editor Pro',
      description: 'Edits photos.\nFast.',
      defaultActivationsLimit: 2,
      defaultKeyDuration: { count: 30, interval: 'day' },
      keyPrefix: 'PHOTO',
      archivedAt: null,
    });
    expect(await db.product.findUniqueOrThrow({ where: { id: product.id } })).toMatchObject({
      nameLower: 'photo editor pro',
      businessId: acme.business.id,
    });
    const [event] = await auditRows(product.id);
    expect(event).toMatchObject({
      businessId: acme.business.id,
      action: 'product.created',
      actorId: acme.admin.id,
      actorRole: 'admin',
      requestId: acme.admin.requestId,
      summary:
        'Created product Photo Editor Pro: activations limit 2; key lifetime 30 days; key prefix PHOTO',
    });
    expect(product.updatedAt).toEqual(event.createdAt);
    expect(await getProduct(acme.owner, product.id)).toEqual(product);
    expect(await getProduct(globex.owner, product.id)).toBeNull();
  });

  it('is allowed to owners, admins, API write keys and the operator; refused to others', async () => {
    const allowed = [acme.owner, apiKey('write'), operatorActor(acme.business.id, 'req_cli')];
    for (const actor of allowed) {
      const product = await createProduct(actor, input({ name: `By ${actor.type}` }));
      expect((await auditRows(product.id))[0]).toMatchObject({ actorType: actor.type });
    }
    for (const actor of [acme.support, apiKey('read_only')]) {
      const before = await db.product.count();
      await expect(createProduct(actor, input({ name: 'Refused' }))).rejects.toBeInstanceOf(
        NotAllowedError,
      );
      expect(await db.product.count()).toBe(before);
    }
  });
});

describe('updateProduct', () => {
  it('keeps absent fields, saves the description and says what changed', async () => {
    const product = await createProduct(acme.owner, input({ name: 'Patchable' }));
    const result = await updateProduct(apiKey('write'), product.id, {
      description: 'New words.',
      activationsLimit: null,
    });
    expect(result).toEqual({
      ok: true,
      value: {
        id: product.id,
        changes: ['description changed', 'activations limit 2 → unlimited'],
      },
    });
    expect(await getProduct(acme.owner, product.id)).toMatchObject({
      name: 'Patchable',
      description: 'New words.',
      defaultActivationsLimit: null,
      defaultKeyDuration: { count: 30, interval: 'day' },
      keyPrefix: 'PHOTO',
    });
    const removed = await updateProduct(acme.owner, product.id, { description: '' });
    expect(removed).toMatchObject({ ok: true, value: { changes: ['description removed'] } });
    const events = await auditRows(product.id);
    expect(events.map((event) => event.action)).toEqual([
      'product.created',
      'product.updated',
      'product.updated',
    ]);
  });

  it('refuses a read-only API key', async () => {
    await expect(
      updateProduct(apiKey('read_only'), acme.product.id, { name: 'No' }),
    ).rejects.toMatchObject({ reason: 'forbidden' });
  });
});

describe('setProductArchived', () => {
  it('archives and unarchives, once each, with an audit event for each change', async () => {
    const product = await createProduct(acme.owner, input({ name: 'Short Lived' }));
    const archived = await setProductArchived(acme.admin, product.id, true);
    expect(archived).toEqual({
      ok: true,
      value: { id: product.id, name: 'Short Lived', changed: true },
    });
    const stored = await getProduct(acme.owner, product.id);
    expect(stored?.archivedAt).toBeInstanceOf(Date);
    // Again: nothing to do, nothing written.
    expect(await setProductArchived(acme.admin, product.id, true)).toMatchObject({
      ok: true,
      value: { changed: false },
    });
    expect(await setProductArchived(apiKey('write'), product.id, false)).toMatchObject({
      ok: true,
      value: { changed: true },
    });
    expect((await getProduct(acme.owner, product.id))?.archivedAt).toBeNull();
    const events = await auditRows(product.id);
    expect(events.map((event) => [event.action, event.actorType, event.summary])).toEqual([
      ['product.created', 'member', expect.any(String)],
      [
        'product.archived',
        'member',
        'Archived product Short Lived: no new keys; its keys keep working',
      ],
      ['product.unarchived', 'api_key', 'Unarchived product Short Lived'],
    ]);
  });

  it("treats another business's product and an unknown id as not found, writing nothing", async () => {
    for (const id of [globex.product.id, 'pdt_doesNotExist']) {
      expect(await setProductArchived(acme.owner, id, true)).toEqual({
        ok: false,
        code: 'PRODUCT_NOT_FOUND',
      });
    }
    expect((await getProduct(globex.owner, globex.product.id))?.archivedAt).toBeNull();
    expect(await auditRows(globex.product.id)).toEqual([]);
  });

  it('refuses support and read-only API keys', async () => {
    for (const actor of [acme.support, apiKey('read_only')]) {
      await expect(setProductArchived(actor, acme.product.id, true)).rejects.toBeInstanceOf(
        NotAllowedError,
      );
    }
    expect((await getProduct(acme.owner, acme.product.id))?.archivedAt).toBeNull();
  });
});

describe('an archived product', async () => {
  const product = await createProduct(acme.owner, input({ name: 'Retired Tool' }));
  const keyInput = {
    mode: 'generate' as const,
    customerId: acme.customer.id,
    productId: product.id,
    activationsLimit: 2,
    expiresAt: null,
  };
  const issued = await createLicenseKey(acme.support, keyInput);
  if (!issued.ok) throw new Error(issued.code);
  const holder = { requestId: 'req_holder', address: '198.51.100.7' };
  const before = await activateLicenseKey(issued.value.key, 'laptop', holder);
  if (!before.ok) throw new Error(before.code);
  await setProductArchived(acme.owner, product.id, true);

  it('is left out of the product picker and API lists, kept in the key filter, marked', async () => {
    expect((await searchProducts(acme.support, 'retired')).map((p) => p.id)).toEqual([]);
    expect((await searchProducts(acme.support, '')).map((p) => p.id)).not.toContain(product.id);
    const names = await listProductNames(acme.support);
    expect(names.find((p) => p.id === product.id)).toEqual({
      id: product.id,
      name: 'Retired Tool',
      archived: true,
    });
    expect(names.find((p) => p.id === acme.product.id)?.archived).toBe(false);
    const ids = async (archived?: boolean) =>
      (await listProducts(acme.support, { archived })).map((p) => p.id);
    expect(await ids(true)).toEqual([product.id]);
    expect(await ids(false)).not.toContain(product.id);
    expect(await ids()).toContain(product.id);
  });

  it('refuses new keys, generated or imported, and writes none', async () => {
    const count = await db.licenseKey.count({ where: { productId: product.id } });
    expect(await createLicenseKey(acme.owner, keyInput)).toEqual({
      ok: false,
      code: 'PRODUCT_ARCHIVED',
    });
    const imported = { ...keyInput, mode: 'import' as const, key: `IMPORT-${newId('lic')}` };
    expect(await createLicenseKey(apiKey('write'), imported)).toMatchObject({
      code: 'PRODUCT_ARCHIVED',
    });
    // The customer is checked first, as Dodo does.
    const unknownCustomer = { ...keyInput, customerId: 'cus_unknown' };
    expect(await createLicenseKey(acme.owner, unknownCustomer)).toMatchObject({
      code: 'CUSTOMER_NOT_FOUND',
    });
    expect(await db.licenseKey.count({ where: { productId: product.id } })).toBe(count);
  });

  it('keeps its keys working: they validate, activate and are found', async () => {
    expect(await validateLicenseKey(issued.value.key, before.value.instance.id)).toBe('VALID');
    const second = await activateLicenseKey(issued.value.key, 'desktop', holder);
    expect(second.ok).toBe(true);
    expect(await validateLicenseKey(issued.value.key, undefined)).toBe('VALID');
  });

  it('takes new keys again once unarchived', async () => {
    await setProductArchived(acme.owner, product.id, false);
    expect((await searchProducts(acme.support, 'retired')).map((p) => p.id)).toEqual([product.id]);
    expect((await createLicenseKey(acme.owner, keyInput)).ok).toBe(true);
  });
});
