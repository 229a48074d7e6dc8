import { db } from '@/lib/db';

/** Five failed sign-ins for one email address within 15 minutes lock it for 15 minutes. */
export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;
export const LOCK_MS = 15 * 60 * 1000;

/** When the address is locked until, or null. Unknown addresses are treated the same as known ones. */
export async function lockedUntil(emailLower: string, now = new Date()): Promise<Date | null> {
  const row = await db.signInThrottle.findUnique({ where: { emailLower } });
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

/** Counts a failed sign-in; returns the lock's end when this failure locks the address. */
export function recordFailedSignIn(emailLower: string, now = new Date()): Promise<Date | null> {
  return db.$transaction(async (tx) => {
    const row = await tx.signInThrottle.findUnique({ where: { emailLower } });
    const fresh = !row || now.getTime() - row.windowStartedAt.getTime() > FAILURE_WINDOW_MS;
    const failures = fresh ? 1 : row.failures + 1;
    const lock = failures >= MAX_FAILURES ? new Date(now.getTime() + LOCK_MS) : null;
    const data = {
      failures: lock ? 0 : failures,
      windowStartedAt: fresh || lock ? now : row.windowStartedAt,
      lockedUntil: lock,
    };
    await tx.signInThrottle.upsert({
      where: { emailLower },
      create: { emailLower, ...data },
      update: data,
    });
    return lock;
  });
}

export async function clearFailedSignIns(emailLower: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { emailLower } });
}

export function lockedMessage(until: Date): string {
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
  return `Too many failed sign-ins for this email address. For your security it is locked for ${minutes} minute${minutes === 1 ? '' : 's'}; try again after ${until.toISOString().slice(11, 16)} UTC.`;
}
