import Link from 'next/link';
import type { ReactNode } from 'react';
import { Cell, RowHeader, Table } from '@/components/ui/table';
import type { CustomerListRow } from '@/lib/customers/list';
import { formatInstant } from '@/lib/format';

type Props = {
  rows: readonly CustomerListRow[];
  /** Shown instead of the table when there are no rows. */
  empty: ReactNode;
};

/** Customers as the list shows them: the name linking to the customer's page, email, keys, created. */
export function CustomersTable({ rows, empty }: Props) {
  return (
    <Table
      caption="Customers"
      columns={['Name', 'Email', 'Keys', 'Created']}
      rows={rows}
      empty={empty}
    >
      {(customer) => (
        <tr key={customer.id} className="hover:bg-slate-50">
          <RowHeader>
            <Link
              href={`/customers/${customer.id}`}
              className="text-indigo-700 underline-offset-2 hover:underline"
            >
              {customer.name}
            </Link>
          </RowHeader>
          <Cell className="break-all text-slate-700">{customer.email}</Cell>
          <Cell className="tabular-nums">{customer.keyCount.toLocaleString('en-US')}</Cell>
          <Cell className="whitespace-nowrap text-slate-600">
            <time dateTime={customer.createdAt.toISOString()}>
              {formatInstant(customer.createdAt)}
            </time>
          </Cell>
        </tr>
      )}
    </Table>
  );
}
