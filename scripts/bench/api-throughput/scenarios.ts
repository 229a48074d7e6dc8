import type { Scenario } from './load';

// The routes ../api-throughput.ts measures, each with the ratio to GET /api/health it must reach
// (issue 13), on both engines.

export type Fixture = {
  runId: string;
  customerId: string;
  productId: string;
  /** A key with unlimited activations, and one of its instances. */
  unlimitedKey: string;
  instanceId: string;
  /** Keys to spread the production-defaults activations over, each well under its own limit. */
  spreadKeys: string[];
  /** `Cookie` header of a signed-in owner, for the dashboard's internal routes. */
  sessionCookie?: string;
};

export type Measured = Scenario & {
  /** The least acceptable ratio of req/s to GET /api/health. */
  target?: number;
  /** Run against the server started with the production rate limits. */
  productionDefaults?: boolean;
};

export function scenarios(f: Fixture): Measured[] {
  return [
    {
      name: 'GET /api/health',
      expectedStatus: 200,
      request: () => ({ method: 'GET', path: '/api/health' }),
    },
    {
      name: 'POST /api/license_keys',
      expectedStatus: 201,
      target: 0.5,
      request: (worker, n) => ({
        method: 'POST',
        path: '/api/license_keys',
        body: {
          key: `BENCH-${f.runId}-${worker}-${n}`,
          customer_id: f.customerId,
          product_id: f.productId,
          activations_limit: 3,
        },
      }),
    },
    {
      name: 'POST /api/licenses/activate',
      expectedStatus: 201,
      target: 0.6,
      request: (worker, n) => ({
        method: 'POST',
        path: '/api/licenses/activate',
        body: { license_key: f.unlimitedKey, name: `bench-${worker}-${n}` },
      }),
    },
    {
      name: 'POST /api/licenses/validate',
      expectedStatus: 200,
      target: 0.85,
      request: () => ({
        method: 'POST',
        path: '/api/licenses/validate',
        body: { license_key: f.unlimitedKey, license_key_instance_id: f.instanceId },
      }),
    },
    {
      name: 'GET /api/license_keys?page_size=10',
      expectedStatus: 200,
      target: 0.7,
      request: () => ({ method: 'GET', path: '/api/license_keys?page_size=10' }),
    },
    ...(f.sessionCookie
      ? [
          {
            name: 'GET /internal/customers?q=da',
            expectedStatus: 200,
            target: 0.6,
            request: () => ({
              method: 'GET',
              path: '/internal/customers?q=da',
              headers: { cookie: f.sessionCookie! },
            }),
          },
        ]
      : []),
    {
      // Shipped software from many machines: each request from its own address, on one of many
      // keys, so that no limit is reached and the figure is the cost of counting.
      name: 'POST /api/licenses/activate (default rate limits)',
      expectedStatus: 201,
      target: 0.45,
      productionDefaults: true,
      request: (worker, n) => ({
        method: 'POST',
        path: '/api/licenses/activate',
        headers: { 'x-forwarded-for': `10.${worker % 250}.${(n >> 8) % 250}.${n % 250}` },
        body: {
          license_key: f.spreadKeys[n % f.spreadKeys.length],
          name: `bench-${worker}-${n}`,
        },
      }),
    },
  ];
}
