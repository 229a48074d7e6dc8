import { ProgressBar } from '@/components/ui/progress-bar';
import { percentDone, progressText, rowsDoneText } from '@/lib/imports/progress';

export type ImportPass = 'check' | 'import';

/**
 * A pass over the file as far as it has got: "Check progress" or "Import progress", the rows done
 * with the rate and time left once measured, and a polite live region for the milestones.
 */
export function ImportProgressView({
  pass,
  rowsDone,
  totalRows,
  rate = null,
  announcement = '',
  stale = false,
}: {
  pass: ImportPass;
  rowsDone: number;
  totalRows: number;
  /** Rows a second, once measured. */
  rate?: number | null;
  /** "Import: 50% done." (a milestone), "Check finished.": announced politely. */
  announcement?: string;
  /** The last ask for the job's progress failed: the numbers shown are older. */
  stale?: boolean;
}) {
  const job = { rowsDone, totalRows };
  return (
    <div className="space-y-2">
      <ProgressBar
        label={pass === 'check' ? 'Check progress' : 'Import progress'}
        percent={percentDone(job)}
        valueText={rowsDoneText(job)}
      />
      <p className="text-sm text-slate-700 tabular-nums">{progressText(job, rate)}</p>
      {stale ? (
        <p className="text-xs text-amber-800">Not up to date: the last refresh failed.</p>
      ) : null}
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
