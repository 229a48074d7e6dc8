import type { ImportCounts as Counts } from '@/lib/imports/job';

const number = new Intl.NumberFormat('en-US');

/**
 * What a check found, or an import did, row by row, as a description list: "Keys to create" (check)
 * or "Keys created" (import), the keys already there, the conflicts and the rows with errors. The
 * keys to update show only when the job updates existing keys.
 */
export function ImportCounts({
  counts,
  outcome,
  updateExisting,
}: {
  counts: Counts;
  /** `check`: what importing would do. `import`: what it did. */
  outcome: 'check' | 'import';
  updateExisting: boolean;
}) {
  const checked = outcome === 'check';
  const terms: [string, number][] = [
    [checked ? 'Keys to create' : 'Keys created', counts.created],
    [checked ? 'Already present (identical)' : 'Already present', counts.present],
    ...(updateExisting || !checked
      ? [[checked ? 'Keys to update' : 'Keys updated', counts.updated] as [string, number]]
      : []),
    ['Conflicts', counts.conflicts],
    ['Rows with errors', counts.errors],
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
      {terms.map(([label, value]) => (
        <div
          key={label}
          className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm"
        >
          <dt className="text-sm text-slate-600">{label}</dt>
          <dd className="mt-1 text-2xl font-semibold text-slate-900 tabular-nums">
            {number.format(value)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
