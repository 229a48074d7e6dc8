import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@/lib/testing/test-database';

const testDb = await createTestDatabase();
const {
  clearFailedSignIns,
  lockedUntil,
  recordFailedSignIn,
  FAILURE_WINDOW_MS,
  LOCK_MS,
  MAX_FAILURES,
} = await import('./throttle');
afterAll(() => testDb.cleanup());

const at = (ms: number) => new Date(Date.UTC(2026, 10, 26, 12, 0, 0) + ms);

describe('sign-in throttle', () => {
  it(`locks an address after ${MAX_FAILURES} failures within the window, for a while`, async () => {
    const email = 'victim@example.org';
    for (let i = 1; i < MAX_FAILURES; i++) {
      expect(await recordFailedSignIn(email, at(i * 1000))).toBeNull();
      expect(await lockedUntil(email, at(i * 1000))).toBeNull();
    }
    const lock = await recordFailedSignIn(email, at(MAX_FAILURES * 1000));
    expect(lock?.getTime()).toBe(at(MAX_FAILURES * 1000 + LOCK_MS).getTime());
    expect(await lockedUntil(email, at(MAX_FAILURES * 1000 + LOCK_MS - 1))).toEqual(lock);
    expect(await lockedUntil(email, at(MAX_FAILURES * 1000 + LOCK_MS))).toBeNull();
  });

  it('forgets failures older than the window', async () => {
    const email = 'slow-typist@example.org';
    for (let i = 0; i < MAX_FAILURES - 1; i++) await recordFailedSignIn(email, at(0));
    expect(await recordFailedSignIn(email, at(FAILURE_WINDOW_MS + 1))).toBeNull();
  });

  it('is per address: one locked address does not lock another', async () => {
    for (let i = 0; i < MAX_FAILURES; i++) await recordFailedSignIn('a@example.org', at(0));
    expect(await lockedUntil('a@example.org', at(1))).not.toBeNull();
    expect(await lockedUntil('b@example.org', at(1))).toBeNull();
  });

  it('a successful sign-in clears the count', async () => {
    const email = 'forgetful@example.org';
    for (let i = 0; i < MAX_FAILURES - 1; i++) await recordFailedSignIn(email, at(0));
    await clearFailedSignIns(email);
    expect(await recordFailedSignIn(email, at(1))).toBeNull();
  });

  it('counts concurrent failures without losing any', async () => {
    const email = 'burst@example.org';
    const locks = await Promise.all(
      Array.from({ length: MAX_FAILURES }, () => recordFailedSignIn(email, at(0))),
    );
    expect(locks.filter(Boolean)).toHaveLength(1);
    expect(await lockedUntil(email, at(1))).not.toBeNull();
  });
});
