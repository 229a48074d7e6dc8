import type { Metadata } from 'next';
import Link from 'next/link';
import { CustomersTable } from '@/components/customers/customers-table';
import { buttonClassName } from '@/components/ui/button';
import { LinkButton } from '@/components/ui/link-button';
import { CursorPagination } from '@/components/ui/cursor-pagination';
import { EmptyPanel } from '@/components/ui/table';
import { requireMember } from '@/lib/auth/member';
import { can } from '@/lib/auth/permissions';
import { getCustomer } from '@/lib/customers/data';
import { listCustomerPage } from '@/lib/customers/data-list';
import {
  customerCountLine,
  customerListQuery,
  customerListViewSchema,
  OTHER_MATCHES_BOUND,
} from '@/lib/customers/list';

export const metadata: Metadata = { title: 'Customers' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const linkClass = 'font-medium text-indigo-700 underline underline-offset-2';

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function CustomersPage({ searchParams }: Props) {
  const member = await requireMember();
  const params = await searchParams;
  const view = customerListViewSchema.parse(params);
  const { search } = view;
  const createdId = first(params.created);
  const [list, created] = await Promise.all([
    listCustomerPage(member, view),
    createdId ? getCustomer(member, createdId) : null,
  ]);
  const href = (cursor: { after?: string; before?: string }) =>
    `/customers${customerListQuery(search, cursor)}`;
  const countLine = search
    ? list.rows.length === 0
      ? `No customers match “${search}”`
      : `${customerCountLine(list.first, list.rows.length, list.count)} matching “${search}”`
    : customerCountLine(list.first, list.rows.length, list.count);

  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold tracking-tight">Customers</h1>
        {can(member.role, 'customers:create') ? (
          <LinkButton href="/customers/new">New customer</LinkButton>
        ) : null}
      </div>
      <form role="search" className="mt-4 flex flex-wrap gap-2" action="/customers">
        <label htmlFor="customer-search" className="sr-only">
          Search customers
        </label>
        <input
          id="customer-search"
          name="q"
          type="search"
          defaultValue={search}
          placeholder="Name or email"
          className="w-72 max-w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
        <button type="submit" className={buttonClassName({ variant: 'secondary' })}>
          Search
        </button>
        {search ? (
          <LinkButton href="/customers" variant="ghost">
            Clear search
          </LinkButton>
        ) : null}
      </form>
      <div role="status" className="mt-4 space-y-3 text-sm text-slate-700">
        {created ? (
          <p className="rounded-md border border-green-300 bg-green-50 px-4 py-3 text-green-900">
            Created customer{' '}
            <Link href={`/customers/${created.id}`} className={linkClass}>
              {created.name}
            </Link>{' '}
            &lt;{created.email}&gt;.{' '}
            <Link href={`/license-keys/new?customerId=${created.id}`} className={linkClass}>
              Issue a license key
            </Link>
          </p>
        ) : null}
        <p>
          {countLine}. {search ? '' : 'By name. '}Times are in UTC.
        </p>
      </div>
      {list.otherMatchesCapped ? (
        <p className="mt-2 text-sm text-slate-600">
          Every customer whose name starts with “{search}” is listed, by name. After them come the
          other matches (an email that starts with it, a name or email that contains it), but only
          from the first {OTHER_MATCHES_BOUND.toLocaleString('en-US')} found: type more to narrow
          the search.
        </p>
      ) : null}
      <div className="mt-4">
        <CustomersTable
          rows={list.rows}
          empty={
            <EmptyPanel>
              {search ? (
                <>
                  Nothing found for “{search}” in names or emails.{' '}
                  <Link href="/customers" className={linkClass}>
                    Show all customers
                  </Link>
                </>
              ) : view.cursor ? (
                <Link href="/customers" className={linkClass}>
                  Back to the first page
                </Link>
              ) : (
                'No customers yet.'
              )}
            </EmptyPanel>
          }
        />
      </div>
      <CursorPagination
        label="Customer pages"
        previous={list.previous ? href({ before: list.previous }) : null}
        next={list.next ? href({ after: list.next }) : null}
      />
    </>
  );
}
