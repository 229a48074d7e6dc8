import { afterAll, describe, expect, it } from 'vitest';
import { newId } from '@/lib/ids';
import { createBusinessFixture, createTestDatabase } from '@/lib/testing/test-database';
import type { WebhookEventType } from './events';
import { newWebhookSecret } from './secret';

// Every change of a key writes its webhook event in its own transaction, from the one data layer,
// whichever engine: the body is Dodo's `{ business_id, type, timestamp, data }`, data as the API
// shows the object. Nobody listening, nothing written.

const testDb = await createTestDatabase();
const { db } = testDb;
afterAll(() => testDb.cleanup());
const { createLicenseKey, updateLicenseKey } = await import('@/lib/license-keys/data');
const { activateLicenseKey, deactivateLicenseKey } = await import('@/lib/licenses/data');
const { deactivateInstance } = await import('@/lib/license-key-instances/data');
const holder = { requestId: 'req_test', address: '198.51.100.7' };

async function endpoint(
  businessId: string,
  filterTypes: WebhookEventType[] = [],
  disabled = false,
) {
  return db.webhookEndpoint.create({
    data: {
      id: newId('whk'),
      businessId,
      url: 'http://127.0.0.1:9/hook',
      filterTypes: JSON.stringify(filterTypes),
      disabled,
      secret: newWebhookSecret(),
    },
  });
}

async function eventsOf(businessId: string) {
  const rows = await db.webhookEvent.findMany({ where: { businessId }, orderBy: { id: 'asc' } });
  return rows.map((row) => ({ ...row, body: JSON.parse(row.payload) }));
}

describe('webhook events of key changes', () => {
  it('are written for every kind of change, in order, with the object as the API shows it', async () => {
    const acme = await createBusinessFixture(db, 'Events');
    await endpoint(acme.business.id);
    const created = await createLicenseKey(acme.owner, {
      mode: 'generate',
      customerId: acme.customer.id,
      productId: acme.product.id,
      activationsLimit: 2,
      expiresAt: null,
    });
    if (!created.ok) throw new Error(created.code);
    const key = created.value;
    const activated = await activateLicenseKey(key.key, 'Laptop', holder);
    if (!activated.ok) throw new Error(activated.code);
    await updateLicenseKey(acme.owner, key.id, { disabled: true, activationsLimit: 3 });
    await updateLicenseKey(acme.owner, key.id, { disabled: false });
    await deactivateLicenseKey(key.key, activated.value.instance.id, holder);
    const second = await activateLicenseKey(key.key, 'Desktop', holder);
    if (!second.ok) throw new Error(second.code);
    await deactivateInstance(acme.owner, key.id, second.value.instance.id);

    const events = await eventsOf(acme.business.id);
    expect(events.map((event) => event.type)).toEqual([
      'license_key.created',
      'license_key_instance.created',
      'license_key.disabled',
      'license_key.updated',
      'license_key.enabled',
      'license_key_instance.deleted',
      'license_key_instance.created',
      'license_key_instance.deleted',
    ]);
    for (const event of events) {
      expect(event.id).toMatch(/^msg_/);
      expect(event.fannedOut).toBe(false);
      expect(event.body).toMatchObject({
        business_id: acme.business.id,
        type: event.type,
        timestamp: event.createdAt.toISOString(),
      });
    }
    expect(events[0].body.data).toEqual({
      id: key.id,
      business_id: acme.business.id,
      brand_id: acme.business.id,
      key: key.key,
      status: 'active',
      source: 'manual',
      customer_id: acme.customer.id,
      product_id: acme.product.id,
      instances_count: 0,
      activations_limit: 2,
      expires_at: null,
      created_at: key.createdAt.toISOString(),
      payment_id: null,
      subscription_id: null,
    });
    const instance = {
      id: activated.value.instance.id,
      business_id: acme.business.id,
      created_at: activated.value.instance.createdAt.toISOString(),
      license_key_id: key.id,
      name: 'Laptop',
    };
    expect(events[1].body.data).toEqual(instance);
    expect(events[2].body.data).toMatchObject({ status: 'disabled', activations_limit: 3 });
    expect(events[3].body.data).toMatchObject({ status: 'disabled', activations_limit: 3 });
    expect(events[4].body.data).toMatchObject({ status: 'active', instances_count: 1 });
    expect(events[5].body.data).toEqual(instance);
  });

  it('carry an imported key, whatever characters it has, as valid JSON', async () => {
    const acme = await createBusinessFixture(db, 'Import');
    await endpoint(acme.business.id);
    const odd = `IMP-"quoted"\\back-${newId('lic').slice(4)}`;
    const created = await createLicenseKey(acme.owner, {
      mode: 'import',
      key: odd,
      customerId: acme.customer.id,
      productId: acme.product.id,
      activationsLimit: null,
      expiresAt: null,
    });
    expect(created.ok).toBe(true);
    const [event] = await eventsOf(acme.business.id);
    expect(event.body.data).toMatchObject({ key: odd, source: 'import', activations_limit: null });
  });

  it('are not written when no enabled endpoint of the business wants the type', async () => {
    const acme = await createBusinessFixture(db, 'Quiet');
    const other = await createBusinessFixture(db, 'Other');
    await endpoint(other.business.id); // another business's endpoint hears nothing of this one
    await endpoint(acme.business.id, [], true); // disabled
    await endpoint(acme.business.id, ['license_key.disabled']);
    const created = await createLicenseKey(acme.owner, {
      mode: 'generate',
      customerId: acme.customer.id,
      productId: acme.product.id,
      activationsLimit: null,
      expiresAt: null,
    });
    if (!created.ok) throw new Error(created.code);
    await activateLicenseKey(created.value.key, 'Laptop', holder);
    expect(await eventsOf(acme.business.id)).toEqual([]);
    await updateLicenseKey(acme.owner, created.value.id, { disabled: true });
    expect((await eventsOf(acme.business.id)).map((event) => event.type)).toEqual([
      'license_key.disabled',
    ]);
    expect(await eventsOf(other.business.id)).toEqual([]);
  });

  it('are not written when the change is refused', async () => {
    const acme = await createBusinessFixture(db, 'Refused');
    await endpoint(acme.business.id);
    const refused = await createLicenseKey(acme.owner, {
      mode: 'generate',
      customerId: newId('cus'),
      productId: acme.product.id,
      activationsLimit: null,
      expiresAt: null,
    });
    expect(refused.ok).toBe(false);
    expect((await activateLicenseKey('NO-SUCH-KEY', 'Laptop', holder)).ok).toBe(false);
    expect(await eventsOf(acme.business.id)).toEqual([]);
  });
});

const { webhookEventStatement } = await import('./data-events');

describe('the statement that writes an event', () => {
  const event = { type: 'license_key.created', at: new Date(), data: {} } as const;

  it('names the type as a literal: a bound LIKE pattern is compiled again at every call on SQLite', () => {
    const statement = webhookEventStatement('bus_1', event);
    expect(statement.sql).toContain(`LIKE '%"license_key.created"%'`);
    expect(statement.values.filter((v) => typeof v === 'string' && v.includes('%'))).toEqual([]);
  });

  it('refuses a type that is not one of Keydesk’s event names', () => {
    const forged = { ...event, type: `license_key.created'--` } as unknown as typeof event;
    expect(() => webhookEventStatement('bus_1', forged)).toThrow('Not a webhook event type');
  });
});
