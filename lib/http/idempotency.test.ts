import { afterAll, describe, expect, it, vi } from 'vitest';
import { newId } from '@/lib/ids';
import { createTestDatabase } from '@/lib/testing/test-database';

// withIdempotency on a real database file, with its `now` parameter standing in for the clock.
const testDb = await createTestDatabase();
afterAll(() => testDb.cleanup());
const { db } = await import('@/lib/db');
const { withIdempotency, ABANDONED_AFTER_MS, CLAIM_HEARTBEAT_MS, IDEMPOTENCY_TTL_MS } =
  await import('./idempotency');
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

describe('claims abandoned by a request that never finished', () => {
  const request = { method: 'POST', path: '/api/license_keys', body: '{"key":"STUCK-0001"}' };
  const t0 = new Date('2026-04-01T12:00:00Z');
  const at = (ms: number) => new Date(t0.getTime() + ms);
  const answer = (body: string) => async () => ({ status: 201, body });

  /** A request that claims `key` at t0 and then hangs, as one whose process died would. */
  async function stuck(key: string) {
    let finish!: (answer: { status: number; body: string }) => void;
    const first = withIdempotency(
      'test',
      key,
      request,
      () => new Promise((resolve) => (finish = resolve)),
      t0,
    );
    await expect.poll(() => db.idempotencyRecord.count({ where: { key: `test:${key}` } })).toBe(1);
    return { first, finish };
  }

  it('are refused with 409 for a minute, then taken over by the retry', async () => {
    const key = `stuck-${newId('evt')}`;
    await stuck(key);
    await expect(
      withIdempotency('test', key, request, answer('{}'), at(ABANDONED_AFTER_MS - 1)),
    ).rejects.toMatchObject({ status: 409, code: 'IDEMPOTENCY_REQUEST_IN_PROGRESS' });
    expect(
      await withIdempotency(
        'test',
        key,
        request,
        answer('{"run":"retry"}'),
        at(ABANDONED_AFTER_MS),
      ),
    ).toEqual({ status: 201, body: '{"run":"retry"}', replayed: false });
    expect(
      await withIdempotency('test', key, request, answer('{}'), at(ABANDONED_AFTER_MS + 1)),
    ).toEqual({ status: 201, body: '{"run":"retry"}', replayed: true });
  });

  it('only one of two concurrent retries takes over; a late finish of the first changes nothing', async () => {
    const key = `stuck-${newId('evt')}`;
    const { first, finish } = await stuck(key);
    let runs = 0;
    const retry = () =>
      withIdempotency(
        'test',
        key,
        request,
        async () => {
          runs += 1;
          await new Promise((resolve) => setTimeout(resolve, 100));
          return { status: 201, body: '{"run":"retry"}' };
        },
        at(2 * ABANDONED_AFTER_MS),
      );
    const results = await Promise.allSettled([retry(), retry()]);
    expect(runs).toBe(1);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({
      reason: { status: 409 },
    });

    finish({ status: 201, body: '{"run":"first"}' });
    await first;
    const record = await db.idempotencyRecord.findUniqueOrThrow({ where: { key: `test:${key}` } });
    expect(record).toMatchObject({ state: 'done', responseBody: '{"run":"retry"}' });
  });

  it('is not taken over from a request that is still running, however long it takes', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'], now: t0 });
    try {
      const key = `slow-${newId('evt')}`;
      const { first, finish } = await stuck(key);
      await vi.advanceTimersByTimeAsync(3 * CLAIM_HEARTBEAT_MS);
      await expect
        .poll(
          async () => {
            const record = await db.idempotencyRecord.findUnique({ where: { key: `test:${key}` } });
            return record?.claimedAt.getTime();
          },
          { timeout: 5_000 }, // the beats' writes share a loaded machine in CI
        )
        .toBe(at(3 * CLAIM_HEARTBEAT_MS).getTime());
      const retry = withIdempotency('test', key, request, answer('{}'), at(ABANDONED_AFTER_MS + 1));
      await expect(retry).rejects.toMatchObject({ status: 409 });
      finish({ status: 201, body: '{"run":"slow"}' });
      expect(await first).toMatchObject({ body: '{"run":"slow"}', replayed: false });
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('records nobody asks for again', () => {
  it('are purged once expired, whatever their key', async () => {
    const now = new Date('2027-01-01T00:00:00Z');
    const old = (key: string, expiresAt: Date) =>
      db.idempotencyRecord.create({
        data: { key, requestHash: 'h', state: 'done', responseStatus: 200, expiresAt },
      });
    await old(`test:purge-${newId('evt')}`, new Date(now.getTime() - 1));
    await old(`test:purge-${newId('evt')}`, new Date(now.getTime() - IDEMPOTENCY_TTL_MS));
    await old('test:kept', new Date(now.getTime() + 1));
    await withIdempotency(
      'test',
      `other-${newId('evt')}`,
      { method: 'POST', path: '/x', body: '' },
      async () => ({ status: 200, body: '{}' }),
      now,
    );
    expect(
      await db.idempotencyRecord.count({ where: { key: { startsWith: 'test:purge-' } } }),
    ).toBe(0);
    expect(await db.idempotencyRecord.count({ where: { key: 'test:kept' } })).toBe(1);
  });
});
