import type { Metadata } from 'next';
import Link from 'next/link';
import { RunningImportBanner } from '@/components/imports/running-import-banner';
import { KeyListToolbar } from '@/components/license-keys/key-list-toolbar';
import { LicenseKeysTable } from '@/components/license-keys/license-keys-table';
import { buttonClassName } from '@/components/ui/button';
import { LinkButton } from '@/components/ui/link-button';
import { CursorPagination } from '@/components/ui/cursor-pagination';
import { EmptyPanel } from '@/components/ui/table';
import { requireMember } from '@/lib/auth/member';
import { can } from '@/lib/auth/permissions';
import { runningImportJob } from '@/lib/imports/data-jobs';
import { toRunningImport } from '@/lib/imports/running';
import { listLicenseKeyPage } from '@/lib/license-keys/data-list';
import { toListRow } from '@/lib/license-keys/data-read';
import { keyListQuery, keyListViewSchema } from '@/lib/license-keys/list';
import { listProductNames } from '@/lib/products/data';

export const metadata: Metadata = { title: 'License keys' };

const PAGE_SIZE = 50;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LicenseKeysPage({ searchParams }: Props) {
  const member = await requireMember();
  const view = keyListViewSchema.parse(await searchParams);
  const [page, products, running] = await Promise.all([
    listLicenseKeyPage(member, view.filter, { ...view, pageSize: PAGE_SIZE }),
    listProductNames(member),
    runningImportJob(member),
  ]);
  const canImport = can(member.role, 'keys:bulk-import');
  const { filter } = view;
  const filtered = Object.keys(filter).length > 0;
  return (
    <>
      <div className="mb-6 flex flex-wrap items-center justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">License keys</h1>
          <p className="text-sm text-slate-600">Times are in UTC.</p>
        </div>
        <div className="flex flex-wrap gap-2">
          {can(member.role, 'keys:reveal') ? (
            // A plain link: the download streams from the server, no client code in between.
            <a
              href={`/license-keys/export${keyListQuery(view)}`}
              download
              className={buttonClassName({ variant: 'secondary' })}
            >
              Export CSV
            </a>
          ) : null}
          {canImport ? (
            <LinkButton href="/license-keys/import" variant="secondary">
              Import keys
            </LinkButton>
          ) : null}
          {can(member.role, 'keys:issue') ? (
            <LinkButton href="/license-keys/new">Issue a key</LinkButton>
          ) : null}
        </div>
      </div>
      <RunningImportBanner running={running && toRunningImport(running)} canOpen={canImport} />
      <KeyListToolbar view={view} products={products} />
      <p role="status" className="mb-3 text-sm text-slate-700">
        {showing(page.keys.length, page.offset, page.total)}
      </p>
      <LicenseKeysTable
        caption="License keys"
        rows={page.keys.map(toListRow)}
        empty={
          <EmptyPanel>
            {filtered ? (
              <>
                No keys match {filter.search ? <>“{filter.search}”</> : 'these filters'}
                {filter.search && Object.keys(filter).length > 1 ? ' with these filters' : ''}.{' '}
                <Link href="/license-keys" className="text-indigo-700 underline">
                  Clear search and filters
                </Link>
              </>
            ) : (
              <>
                No license keys yet.{' '}
                <Link href="/license-keys/new" className="text-indigo-700 underline">
                  Issue the first one
                </Link>
                .
              </>
            )}
          </EmptyPanel>
        }
      />
      <CursorPagination
        label="License key pages"
        previous={
          page.previous ? `/license-keys${keyListQuery(view, { before: page.previous })}` : null
        }
        next={page.next ? `/license-keys${keyListQuery(view, { after: page.next })}` : null}
      />
    </>
  );
}

const number = new Intl.NumberFormat('en-US');

/** "Showing 51–100 of 12,345 keys", "Showing 1–50 of more than 10,000 keys", "No keys". */
function showing(
  count: number,
  offset: { value: number; exact: boolean },
  total: { value: number; exact: boolean },
) {
  if (count === 0) return 'No keys';
  const of = total.exact
    ? `${number.format(total.value)} ${total.value === 1 ? 'key' : 'keys'}`
    : `more than ${number.format(total.value)} keys`;
  if (!offset.exact)
    return `Showing ${number.format(count)} keys, past the first ${number.format(offset.value)}, of ${of}`;
  return `Showing ${number.format(offset.value + 1)}–${number.format(offset.value + count)} of ${of}`;
}
