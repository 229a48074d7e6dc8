import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { badIdempotencyKey, bodyFor, freshKey, plainName } from './arbitraries';
import { createFuzzHarness, fuzz } from './harness';

// Generated requests to the public /licenses endpoints, without an API key (the harness says what holds).
const { routes, arbitraries, send, cleanup } = await createFuzzHarness();
afterAll(cleanup);
const { instanceId, keyForInstance, realKey } = arbitraries;

describe('generated bodies: never a 5xx, always {code, message} on a 4xx, nothing written on a 4xx', () => {
  it('POST /licenses/activate', async () => {
    const arbitrary = fc.tuple(
      bodyFor({ license_key: fc.oneof(realKey, freshKey), name: plainName }),
      badIdempotencyKey,
    );
    const statuses = await fuzz(arbitrary, ([body, idempotencyKey]) =>
      send(
        routes.activate.POST,
        { method: 'POST', path: '/api/licenses/activate', body, idempotencyKey },
        false,
      ),
    );
    expect([...statuses.keys()]).toEqual(expect.arrayContaining([201, 400, 403, 404, 422]));
  });

  it('POST /licenses/deactivate', async () => {
    const body = bodyFor({ license_key: keyForInstance, license_key_instance_id: instanceId });
    const statuses = await fuzz(body, (text) =>
      send(
        routes.deactivate.POST,
        { method: 'POST', path: '/api/licenses/deactivate', body: text },
        false,
      ),
    );
    expect([...statuses.keys()]).toEqual(expect.arrayContaining([200, 400, 404, 422]));
  });

  it('POST /licenses/validate', async () => {
    const body = bodyFor({
      license_key: fc.oneof(realKey, freshKey),
      license_key_instance_id: fc.oneof(instanceId, fc.constant(null)),
    });
    const statuses = await fuzz(body, (text) =>
      send(
        routes.validate.POST,
        { method: 'POST', path: '/api/licenses/validate', body: text },
        false,
      ),
    );
    expect([...statuses.keys()]).toEqual(expect.arrayContaining([200, 400, 422]));
  });
});
