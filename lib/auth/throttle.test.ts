import { hashPassword, verifyPassword } from 'better-auth/crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@/lib/testing/test-database';

const testDb = await createTestDatabase();
const { throttledSignIn, lockedUntil, FAILURE_WINDOW_MS, LOCK_MS, MAX_FAILURES } =
  await import('./throttle');
afterAll(() => testDb.cleanup());

const at = (ms: number) => new Date(Date.UTC(2026, 10, 26, 12, 0, 0) + ms);
const RIGHT = 'the-right-password-1';
const hash = await hashPassword(RIGHT);

/** A real scrypt check of `password` against the account's hash, counted. */
function checker() {
  const counted = { verified: 0 };
  const check = (password: string) => async () => {
    counted.verified += 1;
    return verifyPassword({ hash, password });
  };
  return { counted, check };
}

describe('sign-in throttle', () => {
  it(`locks an address after ${MAX_FAILURES} failures within the window, for a while`, async () => {
    const email = 'victim@example.org';
    const { check } = checker();
    for (let i = 1; i < MAX_FAILURES; i++) {
      expect(await throttledSignIn(email, check('wrong'), at(i * 1000))).toEqual({
        ok: false,
        lockedUntil: null,
      });
    }
    const last = await throttledSignIn(email, check('wrong'), at(MAX_FAILURES * 1000));
    const lock = at(MAX_FAILURES * 1000 + LOCK_MS);
    expect(last).toEqual({ ok: false, lockedUntil: lock });
    expect(await lockedUntil(email, at(MAX_FAILURES * 1000 + LOCK_MS - 1))).toEqual(lock);
    expect(await lockedUntil(email, at(MAX_FAILURES * 1000 + LOCK_MS))).toBeNull();
    // Once the lock has run out, a new window starts with all its attempts.
    expect(await throttledSignIn(email, check(RIGHT), at(MAX_FAILURES * 1000 + LOCK_MS))).toEqual({
      ok: true,
    });
  });

  it('forgets failures older than the window', async () => {
    const email = 'slow-typist@example.org';
    const { check } = checker();
    for (let i = 0; i < MAX_FAILURES - 1; i++) await throttledSignIn(email, check('wrong'), at(0));
    const later = await throttledSignIn(email, check('wrong'), at(FAILURE_WINDOW_MS + 1));
    expect(later).toEqual({ ok: false, lockedUntil: null });
  });

  it('is per address: one locked address does not lock another', async () => {
    const { check } = checker();
    for (let i = 0; i < MAX_FAILURES; i++)
      await throttledSignIn('a@example.org', check('x'), at(0));
    expect(await lockedUntil('a@example.org', at(1))).not.toBeNull();
    expect(await throttledSignIn('b@example.org', check(RIGHT), at(1))).toEqual({ ok: true });
  });

  it('a right password gives its attempt back; wrong ones still count', async () => {
    const email = 'forgetful@example.org';
    const { check } = checker();
    for (let i = 0; i < MAX_FAILURES - 1; i++) await throttledSignIn(email, check('x'), at(0));
    for (let i = 0; i < 3; i++) {
      expect(await throttledSignIn(email, check(RIGHT), at(1))).toEqual({ ok: true });
    }
    const fifth = await throttledSignIn(email, check('x'), at(2));
    expect(fifth).toEqual({ ok: false, lockedUntil: at(2 + LOCK_MS) });
  });

  it('30 concurrent wrong passwords: at most 5 are checked, the rest are refused as locked', async () => {
    const email = 'burst@example.org';
    const { counted, check } = checker();
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, (_, i) => throttledSignIn(email, check(`wrong-${i}`))),
    );
    expect(counted.verified).toBeLessThanOrEqual(MAX_FAILURES);
    expect(outcomes.every((outcome) => !outcome.ok)).toBe(true);
    const refused = outcomes.filter((outcome) => !outcome.ok && outcome.lockedUntil);
    expect(refused.length).toBeGreaterThanOrEqual(30 - MAX_FAILURES);
    const lock = await lockedUntil(email);
    expect(lock).not.toBeNull();

    // The right password during the lock is refused without being checked, and lifts nothing.
    const checked = counted.verified;
    expect(await throttledSignIn(email, check(RIGHT))).toEqual({ ok: false, lockedUntil: lock });
    expect(counted.verified).toBe(checked);
    expect(await lockedUntil(email)).toEqual(lock);
  });

  it('right passwords in a burst do not let more than 5 wrong ones be checked', async () => {
    const email = 'mixed@example.org';
    const { counted, check } = checker();
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, (_, i) => throttledSignIn(email, check(i % 3 ? 'x' : RIGHT))),
    );
    const signedIn = outcomes.filter((outcome) => outcome.ok).length;
    expect(counted.verified - signedIn).toBeLessThanOrEqual(MAX_FAILURES);
  });
});
