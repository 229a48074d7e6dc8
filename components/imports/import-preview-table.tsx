import { Cell, RowHeader, Table } from '@/components/ui/table';
import { formatInstant } from '@/lib/format';
import type { ImportPreviewRow } from '@/lib/imports/job';
import { ImportOutcomeBadge } from './import-state-badge';

/**
 * The file's first rows as the check read them, what importing each does (and why not) first; then
 * what it reads, each key masked.
 */
export function ImportPreviewTable({ rows }: { rows: ImportPreviewRow[] }) {
  return (
    <Table
      caption="First rows as they will be imported. Keys are masked; times are in UTC."
      density="compact"
      focusable
      columns={[
        'Line',
        'Outcome',
        'Message',
        'Key',
        'Customer',
        'Product',
        'Activations limit',
        'Expires',
        'Disabled',
      ]}
      rows={rows}
    >
      {(row) => {
        // A row with errors was not read into a key: its cells say nothing.
        const unread = row.outcome === 'error' && !row.maskedKey;
        return (
          <tr key={row.line}>
            <RowHeader className="font-normal tabular-nums">{row.line}</RowHeader>
            <Cell className="whitespace-nowrap">
              <ImportOutcomeBadge outcome={row.outcome} />
            </Cell>
            <Cell className="min-w-48 break-words">{row.message ?? ''}</Cell>
            <Cell className="font-mono text-xs whitespace-nowrap">{row.maskedKey || '—'}</Cell>
            <Cell className="min-w-40 break-words">
              {row.customerName && row.customerName !== row.customerEmail ? (
                <>
                  {row.customerName}
                  <span className="block text-slate-600">{row.customerEmail}</span>
                </>
              ) : (
                row.customerEmail || '—'
              )}
            </Cell>
            <Cell className="min-w-32 break-words">{row.product || '—'}</Cell>
            <Cell className="tabular-nums">
              {unread
                ? '—'
                : row.activationsLimit === null
                  ? 'Unlimited'
                  : row.activationsLimit.toLocaleString('en-US')}
            </Cell>
            <Cell className="whitespace-nowrap">
              {row.expiresAt ? (
                <time dateTime={row.expiresAt}>{formatInstant(new Date(row.expiresAt))}</time>
              ) : unread ? (
                '—'
              ) : (
                'Never'
              )}
            </Cell>
            <Cell>{unread ? '—' : row.disabled ? 'Yes' : 'No'}</Cell>
          </tr>
        );
      }}
    </Table>
  );
}
