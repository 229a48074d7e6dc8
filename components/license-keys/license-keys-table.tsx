import Link from 'next/link';
import type { ReactNode } from 'react';
import { ActivationsUsage } from '@/components/license-keys/activations-usage';
import { SourceBadge, StatusBadge } from '@/components/license-keys/key-badges';
import { Cell, RowHeader, Table } from '@/components/ui/table';
import { formatInstant } from '@/lib/format';
import type { LicenseKeyListRow } from '@/lib/license-keys/list';

const linkClass = 'text-indigo-700 underline-offset-2 hover:underline';

type Props = {
  /** The table's accessible name ("License keys", "Keys of Dana Kim"). */
  caption: string;
  rows: readonly LicenseKeyListRow[];
  /** Shown instead of the table when there are no rows. */
  empty: ReactNode;
  /** Leave out the customer column (on a customer's own page). */
  hideCustomer?: boolean;
};

/**
 * License keys as every list shows them: the masked key linking to the key page, the customer
 * linking to the customer page, product, status, source, activations "2 of 5", expiry and creation.
 */
export function LicenseKeysTable({ caption, rows, empty, hideCustomer = false }: Props) {
  return (
    <Table
      caption={caption}
      columns={[
        'Key',
        !hideCustomer && 'Customer',
        'Product',
        'Status',
        'Source',
        'Activations',
        'Expires',
        'Created',
      ]}
      rows={rows}
      empty={empty}
    >
      {(key) => (
        <tr key={key.id} className="hover:bg-slate-50">
          <RowHeader className="font-mono font-normal whitespace-nowrap">
            <Link href={`/license-keys/${key.id}`} className={`relative inline-block ${linkClass}`}>
              <span className="sr-only">Key ending </span>
              {key.maskedKey}
            </Link>
          </RowHeader>
          {hideCustomer ? null : (
            <Cell>
              <Link href={`/customers/${key.customer.id}`} className={`font-medium ${linkClass}`}>
                {key.customer.name}
              </Link>
              <div className="break-words text-slate-600">{key.customer.email}</div>
            </Cell>
          )}
          <Cell>{key.product.name}</Cell>
          <Cell>
            <StatusBadge status={key.status} />
          </Cell>
          <Cell>
            <SourceBadge source={key.source} />
          </Cell>
          <Cell className="whitespace-nowrap">
            <ActivationsUsage used={key.instancesCount} limit={key.activationsLimit} />
          </Cell>
          <Cell className="whitespace-nowrap text-slate-600">
            {key.expiresAt ? (
              <time dateTime={key.expiresAt.toISOString()}>{formatInstant(key.expiresAt)}</time>
            ) : (
              'Never'
            )}
          </Cell>
          <Cell className="whitespace-nowrap text-slate-600">
            <time dateTime={key.createdAt.toISOString()}>{formatInstant(key.createdAt)}</time>
          </Cell>
        </tr>
      )}
    </Table>
  );
}
