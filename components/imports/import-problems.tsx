import { Badge } from '@/components/ui/badge';
import { buttonClassName } from '@/components/ui/button';
import { Cell, EmptyPanel, RowHeader, Table } from '@/components/ui/table';
import type { ImportProblemView } from '@/lib/imports/job';

/**
 * The first problems of the file's last pass (errors in rows, conflicts with keys already in
 * Keydesk), in file order, and every one of them as a CSV file to download.
 */
export function ImportProblems({
  jobId,
  problems,
  shown,
}: {
  jobId: string;
  problems: ImportProblemView[];
  /** How many the page asked for: as many came back, so there may be more. */
  shown: number;
}) {
  if (problems.length === 0) {
    return <EmptyPanel>No problems: every row can be read.</EmptyPanel>;
  }
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600">
          {problems.length >= shown
            ? `The first ${shown} problems, in file order. The CSV file has all of them.`
            : 'Every problem, in file order.'}
        </p>
        {/* A plain link: the file streams from the server, no client code in between. */}
        <a
          href={`/license-keys/import/${encodeURIComponent(jobId)}/problems`}
          download
          className={buttonClassName({ variant: 'secondary', size: 'sm' })}
        >
          Download all problems (CSV)
        </a>
      </div>
      <Table
        caption="Problems, in file order"
        density="compact"
        focusable
        columns={['Line', 'Column', 'Problem', 'Message']}
        rows={problems}
      >
        {(problem) => (
          <tr key={`${problem.line}-${problem.column}-${problem.message}`}>
            <RowHeader className="font-normal tabular-nums">{problem.line}</RowHeader>
            <Cell className="break-words">{problem.column}</Cell>
            <Cell>
              {problem.kind === 'conflict' ? (
                <Badge tone="amber">Conflict</Badge>
              ) : (
                <Badge tone="red">Error</Badge>
              )}
            </Cell>
            <Cell className="min-w-64 break-words">{problem.message}</Cell>
          </tr>
        )}
      </Table>
    </div>
  );
}
