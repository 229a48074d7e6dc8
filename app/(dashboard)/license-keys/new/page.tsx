import type { Metadata } from 'next';
import { CreateLicenseKeyForm } from '@/components/license-keys/create-license-key-form';
import { requireMember } from '@/lib/auth/member';
import { getCustomer } from '@/lib/customers/data';

export const metadata: Metadata = { title: 'New license key' };

type Props = { searchParams: Promise<{ customerId?: string | string[] }> };

export default async function NewLicenseKeyPage({ searchParams }: Props) {
  const member = await requireMember('keys:issue');
  const raw = (await searchParams).customerId;
  const customerId = Array.isArray(raw) ? raw[0] : raw;
  // A customer just created from this form comes back preselected; any other id is ignored.
  const found = customerId ? await getCustomer(member, customerId) : null;
  const initialCustomer = found && { id: found.id, name: found.name, email: found.email };
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">New license key</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">
        Issue a key to a customer for one of your products, or import a key another system issued.
      </p>
      <CreateLicenseKeyForm initialCustomer={initialCustomer} />
    </>
  );
}
