import type { Metadata } from 'next';
import Link from 'next/link';
import { buttonClassName, LinkButton } from '@/components/ui/button';
import { requireMember } from '@/lib/auth/member';
import { can } from '@/lib/auth/permissions';
import { getCustomer, searchCustomers } from '@/lib/customers/data';
import { searchQuerySchema } from '@/lib/search';

export const metadata: Metadata = { title: 'Customers' };

type Props = { searchParams: Promise<{ q?: string | string[]; created?: string | string[] }> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function CustomersPage({ searchParams }: Props) {
  const member = await requireMember();
  const { role } = member;
  const params = await searchParams;
  const { q } = searchQuerySchema.parse({ q: first(params.q) ?? '' });
  const createdId = first(params.created);
  const [customers, created] = await Promise.all([
    searchCustomers(member, q, 50),
    createdId ? getCustomer(member, createdId) : null,
  ]);
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold tracking-tight">Customers</h1>
        {can(role, 'customers:create') ? (
          <LinkButton href="/customers/new">New customer</LinkButton>
        ) : null}
      </div>
      <div role="status" className="empty:hidden">
        {created ? (
          <p className="mt-4 rounded-md border border-green-300 bg-green-50 px-4 py-3 text-sm text-green-900">
            Created customer {created.name} &lt;{created.email}&gt;.{' '}
            <Link href="/license-keys/new" className="font-medium underline underline-offset-2">
              Issue a license key
            </Link>
          </p>
        ) : null}
      </div>
      <form role="search" className="mt-4 flex gap-2" action="/customers">
        <label htmlFor="customer-search" className="sr-only">
          Search customers
        </label>
        <input
          id="customer-search"
          name="q"
          type="search"
          defaultValue={q}
          placeholder="Name or email"
          className="w-72 rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
        <button type="submit" className={buttonClassName({ variant: 'secondary' })}>
          Search
        </button>
      </form>
      <p className="mt-2 text-sm text-slate-600">
        {q ? `Customers matching “${q}”` : 'The first customers by name'} (up to 50).
      </p>
      {customers.length === 0 ? (
        <p className="mt-4 text-slate-600">No customers match.</p>
      ) : (
        <ul className="mt-4 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {customers.map((customer) => (
            <li key={customer.id} className="px-4 py-2 text-sm">
              <span className="font-medium">{customer.name}</span>{' '}
              <span className="text-slate-600">{customer.email}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
