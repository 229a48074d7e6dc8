import { db } from '@/lib/db';

/** Five failed sign-ins for one email address within 15 minutes lock it for 15 minutes. */
export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;
export const LOCK_MS = 15 * 60 * 1000;

/** What a sign-in came to: in, refused until a time (locked), or refused (wrong credentials). */
export type SignInOutcome = { ok: true } | { ok: false; lockedUntil: Date | null };

/**
 * Runs `verify` (checks the password; true when it is right) only if the address may try now, and
 * counts the attempt. The attempt is taken BEFORE the password is checked, by one conditional
 * statement, so that any number of concurrent attempts, in any number of processes, check at most
 * MAX_FAILURES passwords per window: the others are refused as locked without checking theirs.
 * A right password gives its attempt back; a wrong one keeps it, and the failure that finds the
 * limit reached locks the address. A lock in force refuses the right password too.
 */
export async function throttledSignIn(
  emailLower: string,
  verify: () => Promise<boolean>,
  now = new Date(),
): Promise<SignInOutcome> {
  const refusal = await takeSignInAttempt(emailLower, now);
  if (refusal) return { ok: false, lockedUntil: refusal };
  let verified: boolean;
  try {
    verified = await verify();
  } catch (error) {
    // The check did not conclude (an unexpected error): it says nothing about the password.
    await releaseSignInAttempt(emailLower);
    throw error;
  }
  if (verified) {
    await releaseSignInAttempt(emailLower);
    return { ok: true };
  }
  return { ok: false, lockedUntil: await recordFailedSignIn(emailLower, now) };
}

/**
 * Takes one attempt for the address; returns null when taken, or until when it is refused. Three
 * single statements, each atomic on its own, nothing read first:
 *
 * 1. The address's row exists from its first attempt on: Prisma's upsert with a no-op update, which
 *    both engines run as one `INSERT … ON CONFLICT ("emailLower") DO UPDATE`.
 * 2. A lock that has run out, or a window that has, starts a new window: a conditional UPDATE. Of
 *    two requests that see it at once, PostgreSQL re-checks the second's WHERE after the first
 *    commits (READ COMMITTED) and finds the window new, so only one resets it; SQLite runs one write
 *    at a time.
 * 3. The attempt itself: `UPDATE … SET attempts = attempts + 1 WHERE emailLower = ? AND attempts < 5
 *    AND lockedUntil IS NULL`, taken when it changed a row. Concurrent ones queue on the row, and
 *    each sees the count the one before it wrote, so exactly the free attempts are granted.
 */
export async function takeSignInAttempt(
  emailLower: string,
  now = new Date(),
): Promise<Date | null> {
  await db.signInThrottle.upsert({
    where: { emailLower },
    create: { emailLower, attempts: 0, windowStartedAt: now },
    update: { attempts: { increment: 0 } },
  });
  await db.signInThrottle.updateMany({
    where: {
      emailLower,
      OR: [
        { lockedUntil: { lte: now } },
        { lockedUntil: null, windowStartedAt: { lt: new Date(now.getTime() - FAILURE_WINDOW_MS) } },
      ],
    },
    data: { attempts: 0, windowStartedAt: now, lockedUntil: null },
  });
  const { count } = await db.signInThrottle.updateMany({
    where: { emailLower, attempts: { lt: MAX_FAILURES }, lockedUntil: null },
    data: { attempts: { increment: 1 } },
  });
  if (count === 1) return null;
  // Refused: locked, or the last attempts are still being checked; if they fail, that locks the
  // address from about now on, which is what the person is told.
  return (await lockedUntil(emailLower, now)) ?? new Date(now.getTime() + LOCK_MS);
}

/**
 * After a taken attempt failed: locks the address when its attempts have reached the limit, and
 * returns the lock in force (a failure during a lock neither extends it nor locks again), or null.
 * One conditional UPDATE: of concurrent failures, exactly one sets the lock.
 */
export async function recordFailedSignIn(
  emailLower: string,
  now = new Date(),
): Promise<Date | null> {
  const lock = new Date(now.getTime() + LOCK_MS);
  const { count } = await db.signInThrottle.updateMany({
    where: { emailLower, attempts: { gte: MAX_FAILURES }, lockedUntil: null },
    data: { lockedUntil: lock },
  });
  return count === 1 ? lock : lockedUntil(emailLower, now);
}

/** Gives a taken attempt back (a right password). Never lifts a lock. */
export async function releaseSignInAttempt(emailLower: string): Promise<void> {
  await db.signInThrottle.updateMany({
    where: { emailLower, attempts: { gt: 0 } },
    data: { attempts: { decrement: 1 } },
  });
}

/** When the address is locked until, or null. Unknown addresses are treated the same as known ones. */
export async function lockedUntil(emailLower: string, now = new Date()): Promise<Date | null> {
  const row = await db.signInThrottle.findUnique({ where: { emailLower } });
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

export function lockedMessage(until: Date): string {
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
  return `Too many failed sign-ins for this email address. For your security it is locked for ${minutes} minute${minutes === 1 ? '' : 's'}; try again after ${until.toISOString().slice(11, 16)} UTC.`;
}
