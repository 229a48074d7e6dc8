import type DodoPayments from 'dodopayments';
import { DEMO_BUSINESS_ID } from '../../lib/auth/demo-business';
import { expect, test } from '../fixtures';
import {
  collect,
  createApiKeyWithCli,
  expectEveryAnswerHadRequestId,
  sdk,
  target,
} from './sdk-fixtures';

// The official `dodopayments` SDK, unchanged, against the running Keydesk: the customer and product
// methods. The server, its database and the SDK are real; the database is read through the `db`
// fixture to check.

let acme: DodoPayments;

test.beforeAll(async ({}, testInfo) => {
  const { origin, root } = target(testInfo);
  acme = sdk(origin, await createApiKeyWithCli(root, 'Acme Software'));
});

test.afterAll(expectEveryAnswerHadRequestId);

test.describe('customers and products', () => {
  test('customers.create, retrieve and list by email and name', async ({ scenario, db }) => {
    const email = `Ada.${scenario.token}@E2E.example`;
    const { data: created, response } = await acme.customers
      .create({ name: `Ada Lovelace ${scenario.token}`, email })
      .withResponse();
    expect(response.status).toBe(201);
    expect(created).toMatchObject({
      customer_id: expect.stringMatching(/^cus_/),
      business_id: DEMO_BUSINESS_ID,
      name: `Ada Lovelace ${scenario.token}`,
      email,
      phone_number: null,
    });
    expect(
      await db.customer.count({ where: { id: created.customer_id, businessId: DEMO_BUSINESS_ID } }),
    ).toBe(1);
    // Find or create: the same address in other letters is the same customer.
    const again = await acme.customers
      .create({ name: 'Someone Else', email: email.toLowerCase() })
      .withResponse();
    expect(again.response.status).toBe(200);
    expect(again.data).toEqual(created);

    expect(await acme.customers.retrieve(created.customer_id)).toEqual(created);
    const byEmail = await collect(
      acme.customers.list({ email: email.toUpperCase(), page_number: 0 }),
    );
    expect(byEmail.map((c) => c.customer_id)).toEqual([created.customer_id]);
    const byName = await collect(
      acme.customers.list({ name: `lovelace ${scenario.token}`, page_number: 0 }),
    );
    expect(byName.map((c) => c.customer_id)).toEqual([created.customer_id]);
    expect(
      await collect(
        acme.customers.list({ email: `nobody.${scenario.token}@e2e.example`, page_number: 0 }),
      ),
    ).toEqual([]);
  });

  test('products.list and retrieve', async ({ scenario }) => {
    const product = await acme.products.retrieve(scenario.product.id);
    expect(product).toMatchObject({
      product_id: scenario.product.id,
      business_id: DEMO_BUSINESS_ID,
      name: scenario.product.name,
      license_key_enabled: true,
      license_key_activations_limit: 4,
      license_key_duration: { count: 1, interval: 'Year' },
    });
    const all = await collect(acme.products.list({ page_number: 0, page_size: 3 }));
    expect(all.filter((p) => p.product_id === scenario.product.id)).toHaveLength(1);
    expect(all.every((p) => p.business_id === DEMO_BUSINESS_ID)).toBe(true);
    expect(new Set(all.map((p) => p.product_id)).size).toBe(all.length);
  });
});
