import { afterAll, describe, expect, it } from 'vitest';
import { NotAllowedError } from '@/lib/auth/authorize';
import { createBusinessFixture, createTestDatabase } from '@/lib/testing/test-database';
import type { ProductInput } from './schema';

// Integration tests on a real, migrated SQLite file: the same code path the server action takes.
const testDb = await createTestDatabase();
const { getProduct, searchProducts } = await import('./data');
const { updateProduct } = await import('./data-write');
const { db } = testDb;
afterAll(() => testDb.cleanup());

const acme = await createBusinessFixture(db, 'Acme');
const globex = await createBusinessFixture(db, 'Globex');

const productColumns = {
  name: true,
  nameLower: true,
  licenseKeyActivationsLimit: true,
  licenseKeyDurationCount: true,
  licenseKeyDurationInterval: true,
  keyPrefix: true,
} as const;

const readProduct = (id: string) =>
  db.product.findUniqueOrThrow({ where: { id }, select: productColumns });
const auditRows = (objectId: string) =>
  db.auditEvent.findMany({
    where: { objectType: 'product', objectId },
    orderBy: { createdAt: 'asc' },
  });

const edit = (overrides: Partial<ProductInput> = {}): ProductInput => ({
  name: 'Acme App',
  description: '',
  activationsLimit: 3,
  keyLifetime: { count: 1, interval: 'year' },
  keyPrefix: 'ACME',
  ...overrides,
});

describe('updateProduct', () => {
  it('saves every field, keeps nameLower in step and records what changed', async () => {
    const result = await updateProduct(acme.owner, acme.product.id, {
      name: 'Acme Studio Pro',
      description: '',
      activationsLimit: 10,
      keyLifetime: { count: 6, interval: 'month' },
      keyPrefix: 'STUDIO2',
    });
    expect(result).toMatchObject({ ok: true, value: { id: acme.product.id } });

    expect(await readProduct(acme.product.id)).toEqual({
      name: 'Acme Studio Pro',
      nameLower: 'acme studio pro',
      licenseKeyActivationsLimit: 10,
      licenseKeyDurationCount: 6,
      licenseKeyDurationInterval: 'month',
      keyPrefix: 'STUDIO2',
    });
    // The product picker searches nameLower: the new name is found, the old one is not.
    expect((await searchProducts(acme.owner, 'studio pro')).map((p) => p.id)).toEqual([
      acme.product.id,
    ]);

    const [event] = await auditRows(acme.product.id);
    expect(event).toMatchObject({
      businessId: acme.business.id,
      action: 'product.updated',
      actorId: acme.owner.id,
      actorRole: 'owner',
      requestId: acme.owner.requestId,
    });
    expect(event.summary).toContain('name “Acme App” → “Acme Studio Pro”');
    expect(event.summary).toContain('activations limit 3 → 10');
    expect(event.summary).toContain('key lifetime 1 year → 6 months');
    expect(event.summary).toContain('key prefix ACME → STUDIO2');
  });

  it('lets an admin clear the limit, the lifetime and the prefix', async () => {
    const result = await updateProduct(acme.admin, acme.product.id, {
      ...edit({ name: 'Acme Studio Pro' }),
      activationsLimit: null,
      keyLifetime: null,
      keyPrefix: null,
    });
    expect(result.ok).toBe(true);
    expect(await getProduct(acme.owner, acme.product.id)).toMatchObject({
      defaultActivationsLimit: null,
      defaultKeyDuration: null,
      keyPrefix: null,
    });
    const events = await auditRows(acme.product.id);
    expect(events.at(-1)?.summary).toBe(
      'Updated product Acme Studio Pro: activations limit 10 → unlimited; ' +
        'key lifetime 6 months → never expires; key prefix STUDIO2 → none',
    );
  });

  it('writes nothing, not even an audit event, when nothing changed', async () => {
    const before = await auditRows(acme.product.id);
    const current = await readProduct(acme.product.id);
    const result = await updateProduct(acme.owner, acme.product.id, {
      name: current.name,
      description: '',
      activationsLimit: null,
      keyLifetime: null,
      keyPrefix: null,
    });
    expect(result).toEqual({ ok: true, value: { id: acme.product.id, changes: [] } });
    expect(await auditRows(acme.product.id)).toHaveLength(before.length);
  });

  it("treats another business's product as not found and writes nothing", async () => {
    const before = await readProduct(globex.product.id);
    const result = await updateProduct(acme.owner, globex.product.id, edit({ name: 'Hijacked' }));
    expect(result).toEqual({
      ok: false,
      code: 'PRODUCT_NOT_FOUND',
    });
    expect(await readProduct(globex.product.id)).toEqual(before);
    expect(before.name).toBe('Globex App');
    expect(await auditRows(globex.product.id)).toEqual([]);
    expect(await getProduct(acme.owner, globex.product.id)).toBeNull();
  });

  it('treats an unknown id as not found', async () => {
    const result = await updateProduct(acme.owner, 'pdt_doesNotExist', edit());
    expect(result.ok).toBe(false);
  });

  it('refuses support with NotAllowedError and writes nothing', async () => {
    const before = await readProduct(globex.product.id);
    const call = updateProduct(globex.support, globex.product.id, edit({ name: 'By support' }));
    await expect(call).rejects.toBeInstanceOf(NotAllowedError);
    await expect(call).rejects.toMatchObject({ reason: 'forbidden' });
    expect(await readProduct(globex.product.id)).toEqual(before);
    expect(await auditRows(globex.product.id)).toEqual([]);
  });
});
