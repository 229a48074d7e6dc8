// How far a pass over an import file has got, in words, and how fast it goes: measured in the
// browser from the successive answers of the job's status route. No server imports.

/** The rows a pass had done at an instant (ms since the epoch). */
export type ProgressSample = { at: number; rowsDone: number };

/** The rate is measured over the samples of the last 10 seconds: steady, yet quick to follow. */
export const RATE_WINDOW_MS = 10_000;

const number = new Intl.NumberFormat('en-US');

/**
 * The samples with `sample` added: those older than the window before it go, and so do all of
 * them when the count went back (the pass started again from the top).
 */
export function addSample(samples: readonly ProgressSample[], sample: ProgressSample) {
  const last = samples.at(-1);
  if (last && (sample.rowsDone < last.rowsDone || sample.at < last.at)) return [sample];
  if (last && last.at === sample.at) return [...samples.slice(0, -1), sample];
  return [...samples.filter((s) => s.at >= sample.at - RATE_WINDOW_MS), sample];
}

/** Rows a second between the first and the last sample, or null until there is a measure. */
export function rowsPerSecond(samples: readonly ProgressSample[]): number | null {
  const first = samples[0];
  const last = samples.at(-1);
  if (!first || !last || last.at - first.at < 500 || last.rowsDone <= first.rowsDone) return null;
  return ((last.rowsDone - first.rowsDone) * 1000) / (last.at - first.at);
}

/** "3 s", "2 min", "1 h 5 min": a duration as the time left is told, rounded up. */
export function formatDuration(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.ceil(s / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** "4,500 of 10,000 rows": the rows of the file the pass has done. */
export function rowsDoneText({ rowsDone, totalRows }: { rowsDone: number; totalRows: number }) {
  return `${number.format(rowsDone)} of ${number.format(totalRows)} ${totalRows === 1 ? 'row' : 'rows'}`;
}

/**
 * "4,500 of 10,000 rows · 2,300 rows a second · about 3 s left": the rows done, then, once a rate
 * is measured, the rate and the time left at that rate.
 */
export function progressText(
  job: { rowsDone: number; totalRows: number },
  rate: number | null,
): string {
  const parts = [rowsDoneText(job)];
  if (rate !== null && rate > 0) {
    const perSecond = Math.max(1, Math.round(rate));
    parts.push(`${number.format(perSecond)} ${perSecond === 1 ? 'row' : 'rows'} a second`);
    const left = Math.max(0, job.totalRows - job.rowsDone);
    if (left > 0) parts.push(`about ${formatDuration(left / rate)} left`);
  }
  return parts.join(' · ');
}

/** The share done, in whole percent rounded down: 100 only when every row is done. */
export function percentDone({ rowsDone, totalRows }: { rowsDone: number; totalRows: number }) {
  if (totalRows <= 0) return 100;
  return Math.min(100, Math.floor((rowsDone * 100) / totalRows));
}

/** The quarter a pass has reached (0 to 3): a polite live region announces each one once. */
export function milestone(job: { rowsDone: number; totalRows: number }): 0 | 1 | 2 | 3 {
  return Math.min(3, Math.floor(percentDone(job) / 25)) as 0 | 1 | 2 | 3;
}

/** "820 bytes", "14.2 KB", "12.5 MB": a file's size as the import pages tell it (1 MB = 1,024 KB). */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${number.format(bytes)} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${kb.toFixed(1)} KB`;
  return `${(kb / 1024).toFixed(1)} MB`;
}
