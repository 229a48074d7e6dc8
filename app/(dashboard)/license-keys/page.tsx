import type { Metadata } from 'next';
import Link from 'next/link';
import { LicenseKeysTable } from '@/components/license-keys/license-keys-table';
import { LinkButton } from '@/components/ui/button';
import { EmptyPanel } from '@/components/ui/table';
import { requireMember } from '@/lib/auth/member';
import { listLicenseKeys, toListRow } from '@/lib/license-keys/data-read';

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
      <LicenseKeysTable
        caption="License keys"
        rows={keys.map(toListRow)}
        empty={
          <EmptyPanel>
            No license keys yet.{' '}
            <Link href="/license-keys/new" className="text-indigo-700 underline">
              Issue the first one
            </Link>
            .
          </EmptyPanel>
        }
      />
    </>
  );
}
