import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { badIdempotencyKey, bodyFor, idParam, plainName } from './arbitraries';
import { createFuzzHarness, fuzz, pathSegment } from './harness';

// Generated requests to POST /customers and PATCH /license_key_instances/{id} (the harness says what holds).
const { routes, seeded, send, cleanup } = await createFuzzHarness();
afterAll(cleanup);

describe('generated bodies: never a 5xx, always {code, message} on a 4xx, nothing written on a 4xx', () => {
  it('POST /customers', async () => {
    const email = fc.oneof(
      fc.emailAddress(),
      fc.stringMatching(/^[a-z0-9]{1,12}@[a-z]{2,8}\.example$/),
      fc.constantFrom(seeded.acme.customer.email, seeded.acme.customer.email.toUpperCase()),
    );
    const arbitrary = fc.tuple(
      bodyFor({
        name: plainName,
        email,
        phone_number: fc.option(fc.string({ maxLength: 20 })),
        metadata: fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }),
      }),
      badIdempotencyKey,
    );
    const statuses = await fuzz(arbitrary, ([body, idempotencyKey]) =>
      send(routes.customers.POST, { method: 'POST', path: '/api/customers', body, idempotencyKey }),
    );
    expect([...statuses.keys()]).toEqual(expect.arrayContaining([200, 201, 400, 422]));
  });

  it('PATCH /license_key_instances/{id}', async () => {
    const arbitrary = fc.tuple(idParam(...seeded.instanceIds), bodyFor({ name: plainName }));
    const statuses = await fuzz(arbitrary, ([id, body]) =>
      send(routes.instance.PATCH, {
        method: 'PATCH',
        path: `/api/license_key_instances/${pathSegment(id)}`,
        body,
        params: { id },
      }),
    );
    expect([...statuses.keys()]).toEqual(expect.arrayContaining([200, 400, 404, 422]));
  });
});
