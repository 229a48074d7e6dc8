import type { Metadata } from 'next';
import { CreateLicenseKeyForm } from '@/components/license-keys/create-license-key-form';
import { QueryProvider } from '@/components/query-provider';
import { requireMember } from '@/lib/auth/member';
import { getCustomer } from '@/lib/customers/data';
import { getProduct } from '@/lib/products/data';

export const metadata: Metadata = { title: 'New license key' };

type Props = {
  searchParams: Promise<{ customerId?: string | string[]; productId?: string | string[] }>;
};

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function NewLicenseKeyPage({ searchParams }: Props) {
  const member = await requireMember('keys:issue');
  const query = await searchParams;
  const customerId = first(query.customerId);
  const productId = first(query.productId);
  // A customer just created from this form, or the customer and product of "Issue another key",
  // come back preselected; an id of another business (or of nothing) is ignored.
  const [customer, product] = await Promise.all([
    customerId ? getCustomer(member, customerId) : null,
    productId ? getProduct(member, productId) : null,
  ]);
  const initialCustomer = customer && {
    id: customer.id,
    name: customer.name,
    email: customer.email,
  };
  // An archived product takes no new keys: it is not preselected either.
  const initialProduct =
    product && !product.archivedAt
      ? {
          id: product.id,
          name: product.name,
          keyPrefix: product.keyPrefix,
          defaultActivationsLimit: product.defaultActivationsLimit,
          defaultKeyDuration: product.defaultKeyDuration,
        }
      : null;
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">New license key</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">
        Issue a key to a customer for one of your products, or import a key another system issued.
      </p>
      <QueryProvider>
        <CreateLicenseKeyForm initialCustomer={initialCustomer} initialProduct={initialProduct} />
      </QueryProvider>
    </>
  );
}
