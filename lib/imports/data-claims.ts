import 'server-only';
import { hostname } from 'node:os';
import { direct } from '@/lib/db';
import { instant } from '@/lib/database/direct';
import { Prisma } from '@/lib/generated/prisma/client';
import { IMPORT_LEASE_MS } from './data-batch';

// Which worker runs a job's pass (./worker.ts): a lease in the job's row, taken by a conditional
// update, renewed by every committed batch (./data-batch.ts).

/** Whether `claimedBy` names a worker of a process of this machine that no longer runs. */
function claimantIsGone(claimedBy: string): boolean {
  const [host, pid] = claimedBy.split(':');
  if (host !== hostname() || !pid || Number(pid) === process.pid) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Takes one waiting job (a pass not held by a live worker); its id, or null when none waits. */
export async function claimImportJob(
  workerId: string,
  {
    now = new Date(),
    only,
    skip = new Set(),
  }: { now?: Date; only?: string; skip?: ReadonlySet<string> } = {},
): Promise<string | null> {
  const waiting = await direct.rows(Prisma.sql`SELECT "id", "claimedBy", "lockedUntil"
    FROM "ImportJob" WHERE "state" IN ('checking', 'importing')
      ${only ? Prisma.sql`AND "id" = ${only}` : Prisma.empty}
    ORDER BY "updatedAt", "id" LIMIT 20`);
  for (const job of waiting) {
    if (skip.has(String(job.id))) continue;
    const holder = job.claimedBy === null ? null : String(job.claimedBy);
    const free =
      holder === null ||
      (instant(job.lockedUntil)?.getTime() ?? 0) <= now.getTime() ||
      claimantIsGone(holder);
    if (!free) continue;
    // Taken only if nobody took it since it was read.
    const taken = await direct.run(Prisma.sql`UPDATE "ImportJob"
      SET "claimedBy" = ${workerId}, "lockedUntil" = ${new Date(now.getTime() + IMPORT_LEASE_MS)}
      WHERE "id" = ${String(job.id)} AND "state" IN ('checking', 'importing')
        AND ${holder === null ? Prisma.sql`"claimedBy" IS NULL` : Prisma.sql`"claimedBy" = ${holder}`}`);
    if (taken === 1) return String(job.id);
  }
  return null;
}

export async function releaseImportJob(jobId: string, workerId: string): Promise<void> {
  await direct.run(Prisma.sql`UPDATE "ImportJob" SET "claimedBy" = NULL, "lockedUntil" = NULL
    WHERE "id" = ${jobId} AND "claimedBy" = ${workerId}`);
}

/** How long a file waits, uploaded or checked but not imported, before it is deleted. */
export const IDLE_JOB_DAYS = 7;

/**
 * Deletes the files of jobs left uploaded or checked for IDLE_JOB_DAYS (the job stays, failed,
 * saying why). Answers how many.
 */
export async function expireIdleImportJobs(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - IDLE_JOB_DAYS * 86_400_000);
  return direct.transaction(async (tx) => {
    const idle = await tx.rows(Prisma.sql`SELECT "id" FROM "ImportJob"
      WHERE "state" IN ('uploaded', 'checked') AND "updatedAt" < ${before}`);
    for (const { id } of idle) {
      await tx.run(Prisma.sql`DELETE FROM "ImportFileChunk" WHERE "jobId" = ${String(id)}`);
      await tx.run(Prisma.sql`UPDATE "ImportJob" SET "state" = 'failed', "updatedAt" = ${now},
          "failure" = ${`Not imported within ${IDLE_JOB_DAYS} days, so its file was deleted. Upload it again.`}
        WHERE "id" = ${String(id)}`);
    }
    return idle.length;
  });
}
