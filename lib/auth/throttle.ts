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

/**
 * Counts a failed sign-in; returns the lock's end when this failure locks the address. A failure
 * while the address is already locked (a request that passed the check just before the lock) counts
 * nothing and returns the lock in force: it neither extends it nor locks a second time.
 *
 * The transaction's first statement takes the address's row for itself, so that concurrent failures
 * of any number of processes are counted one after another (read-then-write would let two of them
 * both read 3 failures and both write 4, losing one). It is Prisma's upsert with a no-op update,
 * which both engines run as one `INSERT … ON CONFLICT ("emailLower") DO UPDATE … RETURNING *`:
 * on PostgreSQL the row stays locked until the transaction ends and a concurrent one waits, then
 * reads what this one wrote (READ COMMITTED); on SQLite a transaction that begins with a write holds
 * the database's write lock from its first statement (other connections wait, busy_timeout), and
 * one process runs its transactions one at a time anyway.
 */
export function recordFailedSignIn(emailLower: string, now = new Date()): Promise<Date | null> {
  return db.$transaction(async (tx) => {
    const row = await tx.signInThrottle.upsert({
      where: { emailLower },
      create: { emailLower, failures: 0, windowStartedAt: now },
      update: { failures: { increment: 0 } },
    });
    if (row.lockedUntil && row.lockedUntil > now) return row.lockedUntil;
    const fresh = now.getTime() - row.windowStartedAt.getTime() > FAILURE_WINDOW_MS;
    const failures = fresh ? 1 : row.failures + 1;
    const lock = failures >= MAX_FAILURES ? new Date(now.getTime() + LOCK_MS) : null;
    await tx.signInThrottle.update({
      where: { emailLower },
      data: {
        failures: lock ? 0 : failures,
        windowStartedAt: fresh || lock ? now : row.windowStartedAt,
        lockedUntil: lock,
      },
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
