import fc from 'fast-check';
import { expect } from 'vitest';
import { generateApiKeySecret, hashApiKeySecret } from '@/lib/api-keys/secret';
import type { Database } from '@/lib/database/create-client';
import { newId } from '@/lib/ids';
import { createBusinessFixture, createTestDatabase } from '@/lib/testing/test-database';
import { freshKey, ownedOr } from './arbitraries';

// The harness of the property tests of the REST API's edges (./*.fuzz.test.ts): every endpoint,
// called in-process through its route handler on a real database file, with generated bodies, query
// strings and ids. Whatever arrives, the answer is never a 5xx; a 4xx is JSON `{ code, message }` with
// a request id; and a 4xx writes nothing. Each test file makes its own harness, so its own database.

export const RUNS = 1000;

/** Any route handler: the params' type differs per route, and `send` passes what the route expects. */
export type Handler = (request: Request, context: { params: Promise<never> }) => Promise<Response>;

type FuzzRequest = {
  method: string;
  path: string;
  body?: string;
  params?: Record<string, string>;
  idempotencyKey?: string | null;
};

/**
 * A fresh database with the rows generated requests aim at, the route handlers, the generators of
 * ids and keys of those rows, and `send`. Call it at the top of a test file; `cleanup` in afterAll.
 */
export async function createFuzzHarness() {
  process.env.KEYDESK_RATE_LIMIT_PER_ADDRESS = '0';
  process.env.KEYDESK_RATE_LIMIT_PER_LICENSE_KEY = '0';
  const testDb = await createTestDatabase();
  const { db } = await import('@/lib/db');
  const routes = {
    licenseKeys: await import('@/app/api/license_keys/route'),
    licenseKey: await import('@/app/api/license_keys/[id]/route'),
    activate: await import('@/app/api/licenses/activate/route'),
    deactivate: await import('@/app/api/licenses/deactivate/route'),
    validate: await import('@/app/api/licenses/validate/route'),
    instances: await import('@/app/api/license_key_instances/route'),
    instance: await import('@/app/api/license_key_instances/[id]/route'),
    customers: await import('@/app/api/customers/route'),
    customer: await import('@/app/api/customers/[id]/route'),
    products: await import('@/app/api/products/route'),
    product: await import('@/app/api/products/[id]/route'),
  };
  const seeded = await seed(testDb.db);
  const { acme, globex, patched, unlimited, full, disabled, expired, otherKey } = seeded;
  const { instanceIds, deactivatable } = seeded;
  const arbitraries = {
    realKey: fc.constantFrom(
      patched.key,
      unlimited.key,
      full.key,
      disabled.key,
      expired.key,
      otherKey.key,
      ` ${unlimited.key} `,
    ),
    customerId: ownedOr(acme.customer.id, globex.customer.id, 'cus_missing'),
    productId: ownedOr(acme.product.id, globex.product.id, 'pdt_missing'),
    /** For deactivate and validate: never the patched key's own instances with the patched key. */
    instanceId: fc.constantFrom(...deactivatable, ...instanceIds, 'lki_missing'),
    keyForInstance: fc.oneof(
      freshKey,
      fc.constantFrom(unlimited.key, full.key, disabled.key, expired.key, otherKey.key),
    ),
  };
  return {
    routes,
    seeded,
    arbitraries,
    send: requestSender(db, seeded.apiKey, patched.id),
    cleanup: () => testDb.cleanup(),
  };
}

/** Two businesses, an API key of Acme's, and Acme's license keys in every state, some with instances. */
async function seed(db: Database) {
  const acme = await createBusinessFixture(db, 'Acme');
  const globex = await createBusinessFixture(db, 'Globex');
  const apiKey = generateApiKeySecret();
  await db.apiKey.create({
    data: {
      id: newId('key'),
      businessId: acme.business.id,
      name: 'Fuzz',
      prefix: apiKey.slice(0, 12),
      secretHash: hashApiKeySecret(apiKey),
    },
  });

  const seedKey = (
    key: string,
    data: { limit?: number | null; disabled?: boolean; expiresAt?: Date } = {},
  ) =>
    db.licenseKey.create({
      data: {
        id: newId('lic'),
        businessId: acme.business.id,
        key,
        customerId: acme.customer.id,
        productId: acme.product.id,
        activationsLimit: data.limit === undefined ? 5 : data.limit,
        disabled: data.disabled ?? false,
        expiresAt: data.expiresAt ?? null,
        source: 'import',
      },
    });
  const patched = await seedKey('FUZZ-PATCHED-0001', { limit: 5 });
  const unlimited = await seedKey('FUZZ-UNLIMITED-0001', { limit: null });
  const full = await seedKey('FUZZ-FULL-0001', { limit: 0 });
  const disabled = await seedKey('FUZZ-DISABLED-0001', { disabled: true });
  const expired = await seedKey('FUZZ-EXPIRED-0001', {
    expiresAt: new Date('2020-01-01T00:00:00Z'),
  });

  /** Instances of `key`: those of the patched key stay (PATCH targets); the unlimited key's may be deactivated. */
  async function seedInstances(key: { id: string }, names: string[]) {
    const ids = names.map(() => newId('lki'));
    await db.licenseKeyInstance.createMany({
      data: ids.map((id, i) => ({
        id,
        businessId: acme.business.id,
        licenseKeyId: key.id,
        name: names[i],
      })),
    });
    await db.licenseKey.update({
      where: { id: key.id },
      data: { instancesCount: names.length },
    });
    return ids;
  }
  const instanceIds = await seedInstances(patched, ['first', 'second']);
  const deactivatable = await seedInstances(unlimited, ['a', 'b', 'c', 'd']);
  const otherKey = await db.licenseKey.create({
    data: {
      id: newId('lic'),
      businessId: globex.business.id,
      key: 'FUZZ-GLOBEX-0001',
      customerId: globex.customer.id,
      productId: globex.product.id,
      source: 'import',
    },
  });
  return {
    acme,
    globex,
    apiKey,
    patched,
    unlimited,
    full,
    disabled,
    expired,
    otherKey,
    instanceIds,
    deactivatable,
  };
}

/** `send(handler, request, auth)`: sends one generated request and checks the answer; returns its status. */
function requestSender(db: Database, apiKey: string, patchedId: string) {
  /** Row counts, and the fields of the rows PATCH aims at: what a 4xx must leave as it was. */
  async function snapshot() {
    const [keys, instances, customers, audit, idempotency, patched, names] = await Promise.all([
      db.licenseKey.count(),
      db.licenseKeyInstance.count(),
      db.customer.count(),
      db.auditEvent.count(),
      db.idempotencyRecord.count(),
      db.licenseKey.findUnique({
        where: { id: patchedId },
        select: { activationsLimit: true, expiresAt: true, disabled: true, instancesCount: true },
      }),
      db.licenseKeyInstance.findMany({
        where: { licenseKeyId: patchedId },
        orderBy: { id: 'asc' },
        select: { id: true, name: true },
      }),
    ]);
    return JSON.stringify({ keys, instances, customers, audit, idempotency, patched, names });
  }

  return async function send(handler: Handler, request: FuzzRequest, auth = true) {
    const before = await snapshot();
    const headers: Record<string, string> = { 'x-forwarded-for': '203.0.113.7' };
    if (auth) headers.authorization = `Bearer ${apiKey}`;
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    if (typeof request.idempotencyKey === 'string')
      headers['idempotency-key'] = request.idempotencyKey;
    const response = await handler(
      new Request(`http://keydesk.test${request.path}`, {
        method: request.method,
        headers,
        body: request.body,
      }),
      { params: Promise.resolve(request.params ?? {}) as Promise<never> },
    );
    const text = await response.text();
    const context = `${request.method} ${request.path} ${(request.body ?? '').slice(0, 300)} → ${response.status} ${text.slice(0, 300)}`;
    expect(response.status, context).toBeLessThan(500);
    expect(response.headers.get('x-request-id'), context).toMatch(/^req_[A-Za-z0-9_-]+$/);
    if (response.status >= 400) {
      expect(response.headers.get('content-type'), context).toContain('application/json');
      const body = JSON.parse(text);
      expect(body, context).toMatchObject({
        code: expect.stringMatching(/^[A-Z_]+$/),
        message: expect.any(String),
      });
      expect(await snapshot(), context).toBe(before);
    } else if (text !== '') {
      expect(() => JSON.parse(text), context).not.toThrow();
    }
    return response.status;
  };
}

/** Runs RUNS generated requests and returns how many answered each status, to check the mix. */
export async function fuzz<T>(arbitrary: fc.Arbitrary<T>, run: (value: T) => Promise<number>) {
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(arbitrary, async (value) => {
      const status = await run(value);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }),
    { numRuns: RUNS },
  );
  return statuses;
}

/** An id as a path segment (a lone surrogate cannot be percent-encoded: the handler gets it as a param). */
export function pathSegment(id: string) {
  try {
    return encodeURIComponent(id);
  } catch {
    return 'unencodable';
  }
}
