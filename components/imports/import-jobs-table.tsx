import Link from 'next/link';
import { Instant } from '@/components/ui/instant';
import { Cell, EmptyPanel, RowHeader, Table } from '@/components/ui/table';
import type { ImportJobView } from '@/lib/imports/job';
import { ImportStateBadge } from './import-state-badge';

const number = new Intl.NumberFormat('en-US');

/** The business's latest imports, newest first, each file linking to its import's page. */
export function ImportJobsTable({ jobs }: { jobs: ImportJobView[] }) {
  return (
    <Table
      caption="Recent imports, newest first. Times are in UTC."
      columns={['File', 'State', 'Rows', 'Created / updated', 'Started by', 'When']}
      rows={jobs}
      empty={<EmptyPanel>No imports yet.</EmptyPanel>}
    >
      {(job) => (
        <tr key={job.id}>
          <RowHeader className="font-medium wrap-anywhere">
            <Link
              href={`/license-keys/import/${encodeURIComponent(job.id)}`}
              className="text-indigo-700 underline-offset-2 hover:underline"
            >
              {job.fileName}
            </Link>
          </RowHeader>
          <Cell className="whitespace-nowrap">
            <ImportStateBadge state={job.state} />
          </Cell>
          <Cell className="whitespace-nowrap tabular-nums">{number.format(job.totalRows)}</Cell>
          <Cell className="whitespace-nowrap tabular-nums">
            {job.state === 'done'
              ? `${number.format(job.counts.created)} / ${number.format(job.counts.updated)}`
              : '—'}
          </Cell>
          <Cell>{job.startedBy}</Cell>
          <Cell className="whitespace-nowrap">
            <Instant date={new Date(job.createdAt)} />
          </Cell>
        </tr>
      )}
    </Table>
  );
}
