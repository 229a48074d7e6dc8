import { afterAll, describe, expect, it } from 'vitest';
import { newId } from '@/lib/ids';
import { createTestDatabase } from '@/lib/testing/test-database';

// Idempotency on the public license endpoints, through their route handlers on a real database.
const testDb = await createTestDatabase();
afterAll(() => testDb.cleanup());
const { db } = testDb;

describe('the public license endpoints', () => {
  it('do not keep an answer about a license key that does not exist', async () => {
    process.env.KEYDESK_RATE_LIMIT_PER_ADDRESS = '0';
    process.env.KEYDESK_RATE_LIMIT_PER_LICENSE_KEY = '0';
    const routes = {
      activate: (await import('@/app/api/licenses/activate/route')).POST,
      deactivate: (await import('@/app/api/licenses/deactivate/route')).POST,
    };
    const bodies = {
      activate: { license_key: 'MADE-UP-0001', name: 'laptop' },
      deactivate: { license_key: 'MADE-UP-0001', license_key_instance_id: 'lki_made_up' },
    };
    const before = await db.idempotencyRecord.count();
    for (const name of ['activate', 'deactivate'] as const) {
      for (let i = 0; i < 3; i++) {
        const response = await routes[name](
          new Request(`http://keydesk.test/api/licenses/${name}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'idempotency-key': newId('evt') },
            body: JSON.stringify(bodies[name]),
          }),
          { params: Promise.resolve({}) },
        );
        expect(response.status).toBe(404);
        expect(await response.json()).toMatchObject({ code: 'LICENSE_KEY_NOT_FOUND' });
      }
    }
    expect(await db.idempotencyRecord.count()).toBe(before);
  });
});
