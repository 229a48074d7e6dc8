import type { Metadata } from 'next';
import Link from 'next/link';
import { ActivationsUsage } from '@/components/license-keys/activations-usage';
import { SourceBadge, StatusBadge } from '@/components/license-keys/key-badges';
import { LinkButton } from '@/components/ui/button';
import { Cell, EmptyPanel, RowHeader, Table } from '@/components/ui/table';
import { requireMember } from '@/lib/auth/member';
import { formatInstant } from '@/lib/format';
import { listLicenseKeys } from '@/lib/license-keys/data-read';
import { maskLicenseKey } from '@/lib/log';

export const metadata: Metadata = { title: 'License keys' };

export default async function LicenseKeysPage() {
  const member = await requireMember();
  const keys = await listLicenseKeys(member, {}, { pageNumber: 0, pageSize: 50 });
  return (
    <>
      <div className="mb-6 flex flex-wrap items-center justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">License keys</h1>
          <p className="text-sm text-slate-600">The newest keys first. Times are in UTC.</p>
        </div>
        <LinkButton href="/license-keys/new">Issue a key</LinkButton>
      </div>
      <Table
        caption="Newest license keys"
        columns={['Key', 'Customer', 'Product', 'Status', 'Source', 'Activations', 'Created']}
        rows={keys}
        empty={
          <EmptyPanel>
            No license keys yet.{' '}
            <Link href="/license-keys/new" className="text-indigo-700 underline">
              Issue the first one
            </Link>
            .
          </EmptyPanel>
        }
      >
        {(key) => (
          <tr key={key.id} className="hover:bg-slate-50">
            <RowHeader className="font-mono font-normal">
              <Link
                href={`/license-keys/${key.id}`}
                className="text-indigo-700 underline-offset-2 hover:underline"
              >
                <span className="sr-only">Key ending </span>
                {maskLicenseKey(key.key)}
              </Link>
            </RowHeader>
            <Cell>
              <div className="font-medium">{key.customer.name}</div>
              <div className="text-slate-600">{key.customer.email}</div>
            </Cell>
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
              <time dateTime={key.createdAt.toISOString()}>{formatInstant(key.createdAt)}</time>
            </Cell>
          </tr>
        )}
      </Table>
    </>
  );
}
