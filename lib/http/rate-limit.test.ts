import { afterAll, describe, expect, it } from 'vitest';
import { onStatement } from '@/lib/database/statement-log';
import { createTestDatabase } from '@/lib/testing/test-database';

const testDb = await createTestDatabase();
afterAll(() => testDb.cleanup());
const { enforceRateLimit, RATE_LIMIT_WINDOW_MS } = await import('./rate-limit');
const { db } = testDb;

/** The statements `run` sends that delete rate-limit counters. */
async function purgesDuring(run: () => Promise<unknown>) {
  const purges: string[] = [];
  const stop = onStatement((sql) => {
    if (/DELETE FROM .*RateLimitBucket/.test(sql)) purges.push(sql);
  });
  try {
    await run();
  } finally {
    stop();
  }
  return purges.length;
}

describe('enforceRateLimits', () => {
  it('counts per window and refuses past the limit, with Retry-After', async () => {
    const now = new Date('2030-01-01T00:00:10.000Z');
    await enforceRateLimit('test:limit', 2, now);
    await enforceRateLimit('test:limit', 2, now);
    await expect(enforceRateLimit('test:limit', 2, now)).rejects.toMatchObject({
      status: 429,
      headers: { 'Retry-After': '50' },
    });
  });

  it("forgets past windows' counters once a window, by the window's first request", async () => {
    const first = new Date('2031-01-01T00:00:05.000Z');
    const next = new Date(first.getTime() + RATE_LIMIT_WINDOW_MS);
    expect(await purgesDuring(() => enforceRateLimit('test:old', 5, first))).toBe(1);
    expect(await purgesDuring(() => enforceRateLimit('test:old', 5, first))).toBe(0);
    expect(await db.rateLimitBucket.count({ where: { key: 'test:old' } })).toBe(1);

    expect(await purgesDuring(() => enforceRateLimit('test:new', 5, next))).toBe(1);
    expect(await db.rateLimitBucket.count({ where: { key: 'test:old' } })).toBe(0);
    for (let i = 0; i < 20; i++) {
      expect(await purgesDuring(() => enforceRateLimit(`test:new${i}`, 5, next))).toBe(0);
    }
  });
});
