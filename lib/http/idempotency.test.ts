import { afterAll, describe, expect, it } from 'vitest';
import { newId } from '@/lib/ids';
import { createTestDatabase } from '@/lib/testing/test-database';

// withIdempotency on a real database file, with its `now` parameter standing in for the clock.
const testDb = await createTestDatabase();
afterAll(() => testDb.cleanup());
const { db } = await import('@/lib/db');
const { withIdempotency, IDEMPOTENCY_TTL_MS } = await import('./idempotency');
const { ApiError } = await import('./api-error');

describe('Idempotency-Key expiry (withIdempotency with its now parameter)', () => {
  const request = { method: 'POST', path: '/api/license_keys', body: '{"key":"EXPIRY-0001"}' };
  const t0 = new Date('2026-03-01T12:00:00Z');
  const at = (ms: number) => new Date(t0.getTime() + ms);

  it('replays within 24 hours, refuses another body, and executes again once 24 hours have passed', async () => {
    let runs = 0;
    const run = async () => ({ status: 201, body: JSON.stringify({ run: ++runs }) });
    const key = `expiry-${newId('evt')}`;

    expect(await withIdempotency('test', key, request, run, t0)).toEqual({
      status: 201,
      body: '{"run":1}',
      replayed: false,
    });
    expect(await withIdempotency('test', key, request, run, at(IDEMPOTENCY_TTL_MS - 1))).toEqual({
      status: 201,
      body: '{"run":1}',
      replayed: true,
    });
    const other = withIdempotency(
      'test',
      key,
      { ...request, body: '{"key":"EXPIRY-0002"}' },
      run,
      at(60_000),
    );
    await expect(other).rejects.toMatchObject({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
    await expect(other).rejects.toBeInstanceOf(ApiError);
    expect(runs).toBe(1);

    expect(await withIdempotency('test', key, request, run, at(IDEMPOTENCY_TTL_MS))).toEqual({
      status: 201,
      body: '{"run":2}',
      replayed: false,
    });
    // The new answer is the one replayed now, for 24 hours from its own request.
    expect(
      await withIdempotency('test', key, request, run, at(2 * IDEMPOTENCY_TTL_MS - 1)),
    ).toMatchObject({
      body: '{"run":2}',
      replayed: true,
    });
    expect(await db.idempotencyRecord.count({ where: { key: `test:${key}` } })).toBe(1);
  });

  it('after 24 hours another body is executed, not refused', async () => {
    const key = `expiry-${newId('evt')}`;
    const run = async () => ({ status: 200, body: '{}' });
    await withIdempotency('test', key, request, run, t0);
    const later = await withIdempotency(
      'test',
      key,
      { ...request, body: '{"other":true}' },
      run,
      at(IDEMPOTENCY_TTL_MS + 1),
    );
    expect(later.replayed).toBe(false);
  });

  it('while the first request runs, the same key is refused with 409', async () => {
    const key = `inflight-${newId('evt')}`;
    let finish!: () => void;
    const first = withIdempotency(
      'test',
      key,
      request,
      () => new Promise((resolve) => (finish = () => resolve({ status: 201, body: '{}' }))),
      t0,
    );
    await expect.poll(() => db.idempotencyRecord.count({ where: { key: `test:${key}` } })).toBe(1);
    await expect(
      withIdempotency('test', key, request, async () => ({ status: 201, body: '{}' }), t0),
    ).rejects.toMatchObject({
      status: 409,
      code: 'IDEMPOTENCY_REQUEST_IN_PROGRESS',
    });
    finish();
    expect((await first).replayed).toBe(false);
  });
});
