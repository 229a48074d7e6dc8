import type { Metadata } from 'next';
import Link from 'next/link';
import { CreateCustomerForm } from '@/components/customers/create-customer-form';
import { requireMember } from '@/lib/auth/member';
import { safeReturnTo } from '@/lib/customers/schema';

export const metadata: Metadata = { title: 'New customer' };

type Props = { searchParams: Promise<{ returnTo?: string | string[] }> };

export default async function NewCustomerPage({ searchParams }: Props) {
  await requireMember('customers:create');
  const raw = (await searchParams).returnTo;
  const returnTo = safeReturnTo(Array.isArray(raw) ? raw[0] : raw);
  const backToKey = returnTo?.startsWith('/license-keys/new') ?? false;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link
          href={returnTo ?? '/customers'}
          className="text-indigo-700 underline-offset-2 hover:underline"
        >
          {returnTo ? (backToKey ? 'Back to the new license key' : 'Back') : 'Customers'}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold tracking-tight">New customer</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">
        {backToKey
          ? 'Add the customer, then you go back to issuing the key.'
          : 'Each customer of your business has their own email address.'}
      </p>
      <CreateCustomerForm returnTo={returnTo} />
    </>
  );
}
