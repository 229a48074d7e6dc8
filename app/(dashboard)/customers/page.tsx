import type { Metadata } from 'next';
import { requireBusiness } from '@/lib/auth/current-business';
import { searchCustomers } from '@/lib/customers/data';
import { searchQuerySchema } from '@/lib/search';

export const metadata: Metadata = { title: 'Customers' };

type Props = { searchParams: Promise<{ q?: string | string[] }> };

export default async function CustomersPage({ searchParams }: Props) {
  const { businessId } = await requireBusiness();
  const raw = (await searchParams).q;
  const { q } = searchQuerySchema.parse({ q: Array.isArray(raw) ? raw[0] : (raw ?? '') });
  const customers = await searchCustomers(businessId, q, 50);
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Customers</h1>
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
        <button
          type="submit"
          className="rounded-md bg-white px-3 py-2 text-sm font-medium ring-1 ring-slate-300 ring-inset hover:bg-slate-50"
        >
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
