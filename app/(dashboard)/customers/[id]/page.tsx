import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { EditCustomerForm } from '@/components/customers/edit-customer-form';
import { LicenseKeysTable } from '@/components/license-keys/license-keys-table';
import { LinkButton } from '@/components/ui/link-button';
import { EmptyPanel } from '@/components/ui/table';
import { requireMember } from '@/lib/auth/member';
import { can } from '@/lib/auth/permissions';
import { getCustomerPage } from '@/lib/customers/data-page';
import { formatInstant } from '@/lib/format';

export const metadata: Metadata = { title: 'Customer' };

type Props = { params: Promise<{ id: string }> };

const linkClass = 'text-indigo-700 underline-offset-2 hover:underline';

export default async function CustomerPage({ params }: Props) {
  const { id } = await params;
  const member = await requireMember();
  // Only an id Keydesk could have made is looked up (a NUL, say, is no id on any engine).
  if (!/^[A-Za-z0-9_]{1,64}$/.test(id)) notFound();
  const page = await getCustomerPage(member, id);
  if (!page) notFound();
  const { customer, keys, keyCount } = page;
  const more = !keyCount.exact || keyCount.value > keys.length;
  const total = `${keyCount.exact ? '' : 'more than '}${keyCount.value.toLocaleString('en-US')}`;

  return (
    <div className="max-w-6xl">
      <p className="mb-2 text-sm">
        <Link href="/customers" className={linkClass}>
          Customers
        </Link>
      </p>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <h1 className="text-2xl font-semibold tracking-tight break-words">{customer.name}</h1>
        {can(member.role, 'keys:issue') ? (
          <LinkButton href={`/license-keys/new?customerId=${customer.id}`}>Issue a key</LinkButton>
        ) : null}
      </div>

      <dl className="mt-4 grid max-w-2xl grid-cols-[auto_1fr] gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm">
        <dt className="font-medium text-slate-700">Email</dt>
        <dd className="break-all">{customer.email}</dd>
        <dt className="font-medium text-slate-700">Created</dt>
        <dd>
          <time dateTime={customer.createdAt.toISOString()}>
            {formatInstant(customer.createdAt)}
          </time>
        </dd>
        <dt className="font-medium text-slate-700">Id</dt>
        <dd className="font-mono break-all">{customer.id}</dd>
      </dl>

      <section aria-labelledby="keys-heading" className="mt-8">
        <h2 id="keys-heading" className="text-lg font-semibold">
          License keys
        </h2>
        <p className="mt-1 mb-3 text-sm text-slate-600">
          {more
            ? `The newest ${keys.length} of ${total} keys. `
            : keys.length > 0
              ? 'Newest first. '
              : ''}
          Times are in UTC.
        </p>
        <LicenseKeysTable
          caption={`License keys of ${customer.name}`}
          rows={keys}
          hideCustomer
          empty={<EmptyPanel>{customer.name} has no license keys yet.</EmptyPanel>}
        />
        {more ? (
          <p className="mt-3 text-sm">
            <Link
              href={`/license-keys?q=${encodeURIComponent(customer.email)}`}
              className={`font-medium ${linkClass} underline`}
            >
              All {total} keys of {customer.name} in the key list
            </Link>
          </p>
        ) : null}
      </section>

      {can(member.role, 'customers:edit') ? (
        <section
          aria-labelledby="edit-customer-heading"
          className="mt-8 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
        >
          <h2 id="edit-customer-heading" className="mb-4 text-lg font-semibold">
            Edit customer
          </h2>
          <EditCustomerForm
            customer={{ id: customer.id, name: customer.name, email: customer.email }}
            labelledBy="edit-customer-heading"
          />
        </section>
      ) : null}
    </div>
  );
}
