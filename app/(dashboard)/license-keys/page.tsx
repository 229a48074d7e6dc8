import type { Metadata } from 'next';
import Link from 'next/link';
import { ActivationsUsage } from '@/components/license-keys/activations-usage';
import { SourceBadge, StatusBadge } from '@/components/license-keys/key-badges';
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
        <Link
          href="/license-keys/new"
          className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        >
          Issue a key
        </Link>
      </div>
      {keys.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
          No license keys yet.{' '}
          <Link href="/license-keys/new" className="text-indigo-700 underline">
            Issue the first one
          </Link>
          .
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Newest license keys</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
              <tr>
                <th scope="col" className="px-4 py-3">
                  Key
                </th>
                <th scope="col" className="px-4 py-3">
                  Customer
                </th>
                <th scope="col" className="px-4 py-3">
                  Product
                </th>
                <th scope="col" className="px-4 py-3">
                  Status
                </th>
                <th scope="col" className="px-4 py-3">
                  Source
                </th>
                <th scope="col" className="px-4 py-3">
                  Activations
                </th>
                <th scope="col" className="px-4 py-3">
                  Created
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {keys.map((key) => (
                <tr key={key.id} className="hover:bg-slate-50">
                  <th scope="row" className="px-4 py-3 font-mono font-normal">
                    <Link
                      href={`/license-keys/${key.id}`}
                      className="text-indigo-700 underline-offset-2 hover:underline"
                    >
                      <span className="sr-only">Key ending </span>
                      {maskLicenseKey(key.key)}
                    </Link>
                  </th>
                  <td className="px-4 py-3">
                    <div className="font-medium">{key.customer.name}</div>
                    <div className="text-slate-600">{key.customer.email}</div>
                  </td>
                  <td className="px-4 py-3">{key.product.name}</td>
                  <td className="px-4 py-3">
                    <StatusBadge status={key.status} />
                  </td>
                  <td className="px-4 py-3">
                    <SourceBadge source={key.source} />
                  </td>
                  <td className="px-4 py-3 whitespace-nowrap">
                    <ActivationsUsage used={key.instancesCount} limit={key.activationsLimit} />
                  </td>
                  <td className="px-4 py-3 whitespace-nowrap text-slate-600">
                    <time dateTime={key.createdAt.toISOString()}>
                      {formatInstant(key.createdAt)}
                    </time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
