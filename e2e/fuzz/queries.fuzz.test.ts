import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { idParam, queryStringWith } from './arbitraries';
import { createFuzzHarness, fuzz, pathSegment, type Handler } from './harness';

// Generated query strings for the four lists, and generated ids for the four GETs of one object
// (the harness says what holds).
const { routes, seeded, send, cleanup } = await createFuzzHarness();
afterAll(cleanup);
const { acme, globex, patched, otherKey, instanceIds } = seeded;
const queryString = queryStringWith([
  acme.customer.id,
  acme.product.id,
  patched.id,
  acme.customer.email,
  'acme',
  acme.business.id,
]);

describe('generated query strings and ids: never a 5xx, always {code, message} on a 4xx', () => {
  const lists: [string, Handler][] = [
    ['/api/license_keys', routes.licenseKeys.GET],
    ['/api/license_key_instances', routes.instances.GET],
    ['/api/customers', routes.customers.GET],
    ['/api/products', routes.products.GET],
  ];
  it.each(lists)('GET %s', async (path, handler) => {
    const statuses = await fuzz(queryString, (query) =>
      send(handler, { method: 'GET', path: `${path}?${query}` }),
    );
    expect([...statuses.keys()]).toEqual(expect.arrayContaining([200, 422]));
  });

  it('GET one license key, instance, customer or product by a generated id', async () => {
    const handlers: [string, Handler][] = [
      ['license_keys', routes.licenseKey.GET],
      ['license_key_instances', routes.instance.GET],
      ['customers', routes.customer.GET],
      ['products', routes.product.GET],
    ];
    const ids = idParam(
      patched.id,
      otherKey.id,
      instanceIds[0],
      acme.customer.id,
      globex.customer.id,
      acme.product.id,
      globex.product.id,
    );
    const statuses = await fuzz(
      fc.tuple(fc.constantFrom(...handlers), ids),
      ([[path, handler], id]) =>
        send(handler, {
          method: 'GET',
          path: `/api/${path}/${pathSegment(id)}`,
          params: { id },
        }),
    );
    expect([...statuses.keys()]).toEqual(expect.arrayContaining([200, 404]));
  });
});
