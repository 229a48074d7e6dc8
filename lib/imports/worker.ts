import 'server-only';
import { logUnexpectedError, newRequestId } from '@/lib/log';
import { newWorkerId, startDrainLoop, type RunningWorker } from '@/lib/outbox/worker';
import { LeaseLostError } from './data-batch';
import { claimImportJob, expireIdleImportJobs, releaseImportJob } from './data-claims';
import { runImportPass } from './data-run';

// The import worker: runs the passes (check, import) that are waiting, one job at a time per
// process, in every server process beside the email and webhook workers, or alone in
// `npm run keydesk -- import-keys`. A job is held with a lease that each committed batch renews.
// A worker that dies (kill -9, a lost machine) leaves its job to the next worker once the lease has
// run out, or at once when the next worker runs on the same machine and sees that the process
// holding it is gone; that worker resumes from the last committed batch. Once an hour it also
// deletes the files of jobs nobody imported within a week.

/** Runs every waiting pass, one after another, until none waits or `stopping()`. */
export async function runWaitingImports({
  workerId,
  stopping = () => false,
  onProgress,
  only,
}: {
  workerId: string;
  stopping?: () => boolean;
  onProgress?: (jobId: string, rowsDone: number, totalRows: number) => void;
  /** Only this job (the command line's). */
  only?: string;
}): Promise<number> {
  let passes = 0;
  const tried = new Set<string>();
  while (!stopping()) {
    const jobId = await claimImportJob(workerId, { only, skip: tried });
    tried.add(jobId ?? '');
    if (!jobId) break;
    try {
      const end = await runImportPass(jobId, workerId, stopping, (done, total) =>
        onProgress?.(jobId, done, total),
      );
      if (end === 'finished') passes += 1;
      // Stopping (a deploy, Ctrl-C): the job is free for the next worker at once.
      else await releaseImportJob(jobId, workerId);
    } catch (error) {
      // Another worker took it over (this one was too slow for its lease): it carries on.
      if (error instanceof LeaseLostError) continue;
      // Anything else (the database away, a bug): logged with the job's id; the job keeps its
      // lease, so it is tried again once that runs out, and the other jobs go on meanwhile.
      logUnexpectedError(newRequestId(), error, { importJobId: jobId });
    }
  }
  return passes;
}

/** The import worker of a process: at start, at every wakeImports() here, and every `pollMillis`. */
export function startImportWorker({ pollMillis }: { pollMillis: number }): RunningWorker {
  const workerId = newWorkerId();
  let expiredAt = 0;
  return startDrainLoop('Import worker', 'imports', pollMillis, async (stopping) => {
    await runWaitingImports({ workerId, stopping });
    if (Date.now() - expiredAt > 3_600_000) {
      expiredAt = Date.now();
      await expireIdleImportJobs();
    }
  });
}
