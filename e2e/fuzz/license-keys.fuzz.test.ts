import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { badIdempotencyKey, bodyFor, freshKey, futureDate, idParam, limit } from './arbitraries';
import { createFuzzHarness, fuzz, pathSegment } from './harness';

// Generated requests to POST /license_keys and PATCH /license_keys/{id} (the harness says what holds).
const { routes, seeded, arbitraries, send, cleanup } = await createFuzzHarness();
afterAll(cleanup);
const { customerId, productId, realKey } = arbitraries;

describe('generated bodies: never a 5xx, always {code, message} on a 4xx, nothing written on a 4xx', () => {
  it('POST /license_keys', async () => {
    const arbitrary = fc.tuple(
      bodyFor({
        key: fc.oneof(freshKey, realKey),
        customer_id: customerId,
        product_id: productId,
        activations_limit: limit,
        expires_at: futureDate,
      }),
      badIdempotencyKey,
    );
    const statuses = await fuzz(arbitrary, ([body, idempotencyKey]) =>
      send(routes.licenseKeys.POST, {
        method: 'POST',
        path: '/api/license_keys',
        body,
        idempotencyKey,
      }),
    );
    // The generators reach the handler's own answers, not only the validation failure.
    expect([...statuses.keys()]).toEqual(expect.arrayContaining([201, 400, 404, 409, 413, 422]));
  });

  it('PATCH /license_keys/{id}', async () => {
    const arbitrary = fc.tuple(
      idParam(seeded.patched.id, seeded.otherKey.id),
      bodyFor({
        activations_limit: limit,
        disabled: fc.oneof(fc.boolean(), fc.constant(null)),
        expires_at: futureDate,
      }),
    );
    const statuses = await fuzz(arbitrary, ([id, body]) =>
      send(routes.licenseKey.PATCH, {
        method: 'PATCH',
        path: `/api/license_keys/${pathSegment(id)}`,
        body,
        params: { id },
      }),
    );
    expect([...statuses.keys()]).toEqual(expect.arrayContaining([200, 400, 404, 422]));
  });
});
