import type { ImportJobView } from './job';
import { percentDone, rowsDoneText } from './progress';

// The key list's banner while an import runs: GET /internal/imports/running, what it answers and
// how the banner says it. No server imports.

/** The import running in the business now, as the banner shows it. */
export type RunningImport = { id: string; fileName: string; rowsDone: number; totalRows: number };

/** How often the key list asks while its banner shows an import. */
export const RUNNING_IMPORT_POLL_INTERVAL_MS = 2_000;

export function toRunningImport(job: ImportJobView): RunningImport {
  return { id: job.id, fileName: job.fileName, rowsDone: job.rowsDone, totalRows: job.totalRows };
}

/** "Importing keys from keys.csv: 45% (4,500 of 10,000 rows)". */
export function runningImportText(job: RunningImport): string {
  return `Importing keys from ${job.fileName}: ${percentDone(job)}% (${rowsDoneText(job)})`;
}

export class RunningImportRequestError extends Error {
  constructor(readonly status: number) {
    super(`Asking for the running import failed with HTTP ${status}`);
    this.name = 'RunningImportRequestError';
  }
}

/** The import running now, or null when none is. */
export async function fetchRunningImport(signal?: AbortSignal): Promise<RunningImport | null> {
  const response = await fetch('/internal/imports/running', {
    signal,
    headers: { Accept: 'application/json' },
    cache: 'no-store',
  });
  if (!response.ok) throw new RunningImportRequestError(response.status);
  return (await response.json()) as RunningImport | null;
}
