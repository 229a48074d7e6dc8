import { afterAll, describe, expect, it } from 'vitest';
import { onStatement } from '@/lib/database/statement-log';
import { newId } from '@/lib/ids';
import { createBusinessFixture, createTestDatabase, testEngine } from '@/lib/testing/test-database';

const testDb = await createTestDatabase();
const data = await import('./data');
const holder = { requestId: 'req_test', address: '198.51.100.7' };
const activateLicenseKey = (key: string, name: string, at?: Date) =>
  data.activateLicenseKey(key, name, holder, at);
const { deactivateInstance: deactivateAsActor } = await import('@/lib/license-key-instances/data');
const { operatorActor } = await import('@/lib/auth/authorize');

/**
 * True when the instance was deactivated: by a license holder naming the key string, or by
 * someone of a business naming the key by id (the dashboard's way).
 */
async function deactivateInstance(
  where: { licenseKey: string } | { licenseKeyId: string; businessId: string },
  instanceId: string,
) {
  if ('licenseKey' in where) {
    return (await data.deactivateLicenseKey(where.licenseKey, instanceId, holder)).ok;
  }
  const actor = operatorActor(where.businessId, 'req_test');
  return (await deactivateAsActor(actor, where.licenseKeyId, instanceId)).ok;
}
const { db } = testDb;
afterAll(() => testDb.cleanup());

const acme = await createBusinessFixture(db, 'Acme');

async function key(
  overrides: { activationsLimit?: number | null; disabled?: boolean; expiresAt?: Date | null } = {},
) {
  const row = await db.licenseKey.create({
    data: {
      id: newId('lic'),
      businessId: acme.business.id,
      key: `CONC-${newId('lic')}`,
      customerId: acme.customer.id,
      productId: acme.product.id,
      activationsLimit: 5,
      source: 'import',
      ...overrides,
    },
  });
  return row;
}

async function liveCount(licenseKeyId: string) {
  const [row, instances] = await Promise.all([
    db.licenseKey.findUniqueOrThrow({ where: { id: licenseKeyId } }),
    db.licenseKeyInstance.count({ where: { licenseKeyId } }),
  ]);
  return { instancesCount: row.instancesCount, instances };
}

describe('activation', () => {
  it('50 simultaneous activations at limit 5: exactly 5 succeed', async () => {
    const k = await key();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => activateLicenseKey(k.key, `machine-${i}`)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.code === 'LICENSE_KEY_LIMIT_REACHED')).toHaveLength(45);
    expect(await liveCount(k.id)).toEqual({ instancesCount: 5, instances: 5 });
  });

  it('simultaneous activations and deactivations keep the count equal to the live instances', async () => {
    const k = await key({ activationsLimit: 10 });
    const first = await Promise.all(
      Array.from({ length: 10 }, (_, i) => activateLicenseKey(k.key, `a-${i}`)),
    );
    const ids = first.flatMap((r) => (r.ok ? [r.value.instance.id] : []));
    await Promise.all([
      ...ids.map((id) => deactivateInstance({ licenseKey: k.key }, id)),
      ...Array.from({ length: 30 }, (_, i) => activateLicenseKey(k.key, `b-${i}`)),
      // Deactivating the same instance twice frees one seat, not two.
      ...ids.slice(0, 5).map((id) => deactivateInstance({ licenseKey: k.key }, id)),
    ]);
    const { instancesCount, instances } = await liveCount(k.id);
    expect(instancesCount).toBe(instances);
    expect(instancesCount).toBeLessThanOrEqual(10);
  });

  it('refuses disabled, expired and unknown keys, and activates unlimited ones', async () => {
    const disabled = await key({ disabled: true });
    const expired = await key({ expiresAt: new Date(Date.now() - 1000) });
    const unlimited = await key({ activationsLimit: null });
    expect(await activateLicenseKey(disabled.key, 'x')).toEqual({
      ok: false,
      code: 'INACTIVE_LICENSE_KEY',
    });
    expect(await activateLicenseKey(expired.key, 'x')).toEqual({
      ok: false,
      code: 'INACTIVE_LICENSE_KEY',
    });
    expect(await activateLicenseKey('NO-SUCH-KEY', 'x')).toEqual({
      ok: false,
      code: 'LICENSE_KEY_NOT_FOUND',
    });
    const many = await Promise.all(
      Array.from({ length: 20 }, () => activateLicenseKey(unlimited.key, 'x')),
    );
    expect(many.every((r) => r.ok)).toBe(true);
    expect(await liveCount(unlimited.id)).toEqual({ instancesCount: 20, instances: 20 });
  });

  it('a limit of 0 refuses every activation', async () => {
    const k = await key({ activationsLimit: 0 });
    expect(await activateLicenseKey(k.key, 'x')).toEqual({
      ok: false,
      code: 'LICENSE_KEY_LIMIT_REACHED',
    });
  });

  it("deactivation needs the instance's own key", async () => {
    const a = await key();
    const b = await key();
    const activated = await activateLicenseKey(a.key, 'x');
    if (!activated.ok) throw new Error('expected an activation');
    expect(await deactivateInstance({ licenseKey: b.key }, activated.value.instance.id)).toBe(
      false,
    );
    expect(
      await deactivateInstance(
        { licenseKeyId: a.id, businessId: 'bus_other' },
        activated.value.instance.id,
      ),
    ).toBe(false);
    expect(await liveCount(a.id)).toEqual({ instancesCount: 1, instances: 1 });
    expect(
      await deactivateInstance(
        { licenseKeyId: a.id, businessId: acme.business.id },
        activated.value.instance.id,
      ),
    ).toBe(true);
    expect(await liveCount(a.id)).toEqual({ instancesCount: 0, instances: 0 });
  });
});

describe('validation', () => {
  it('answers each of many simultaneous validations with its own key and instance (PostgreSQL reads them together)', async () => {
    const [live, other, disabled, expired] = await Promise.all([
      key(),
      key(),
      key({ disabled: true }),
      key({ expiresAt: new Date(Date.now() - 1000) }),
    ]);
    const activated = await activateLicenseKey(live.key, 'laptop');
    const elsewhere = await activateLicenseKey(other.key, 'desktop');
    if (!activated.ok || !elsewhere.ok) throw new Error('expected activations');
    const instance = activated.value.instance.id;
    const asks: [string, string | undefined, string][] = [
      [live.key, undefined, 'VALID'],
      [live.key, instance, 'VALID'],
      [live.key, elsewhere.value.instance.id, 'LICENSE_KEY_INSTANCE_NOT_FOUND'],
      [live.key, 'lki_no_such_instance', 'LICENSE_KEY_INSTANCE_NOT_FOUND'],
      [other.key, instance, 'LICENSE_KEY_INSTANCE_NOT_FOUND'],
      [disabled.key, undefined, 'LICENSE_KEY_DISABLED'],
      [expired.key, undefined, 'LICENSE_KEY_EXPIRED'],
      ['NO-SUCH-KEY', undefined, 'LICENSE_KEY_NOT_FOUND'],
      [live.key.toLowerCase(), undefined, 'LICENSE_KEY_NOT_FOUND'],
    ];
    // Every ask four times over, in an order that puts different asks side by side.
    const many = Array.from({ length: 4 }, (_, round) =>
      round % 2 === 0 ? asks : [...asks].reverse(),
    ).flat();
    const statements: string[] = [];
    const stop = onStatement((sql) => statements.push(sql));
    const codes = await Promise.all(
      many.map(([licenseKey, instanceId]) => data.validateLicenseKey(licenseKey, instanceId)),
    );
    stop();
    expect(codes).toEqual(many.map(([, , code]) => code));
    if (testEngine() === 'postgresql') {
      // The first goes alone; the others, asked while it was on its way, go as one statement.
      expect(statements).toHaveLength(2);
    } else {
      expect(statements).toHaveLength(many.length);
    }
  });

  it('a validation whose text PostgreSQL refuses fails alone, not the others read with it', async () => {
    const k = await key();
    const texts = [k.key, k.key, `${k.key}\u0000`, k.key, 'NUL\u0000KEY'];
    const settled = await Promise.allSettled(
      texts.map((text) => data.validateLicenseKey(text, undefined)),
    );
    const outcomes = settled.map((s) =>
      s.status === 'fulfilled' ? s.value : (s.reason as { code?: string }).code,
    );
    // PostgreSQL cannot hold U+0000 in text (22021); SQLite looks for it and finds no such key.
    // The REST API refuses it before it gets here (lib/http/api-route.ts).
    const refused = testEngine() === 'postgresql' ? '22021' : 'LICENSE_KEY_NOT_FOUND';
    expect(outcomes).toEqual(['VALID', 'VALID', refused, 'VALID', refused]);
  });
});
