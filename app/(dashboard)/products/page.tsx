import type { Metadata } from 'next';
import { requireBusiness } from '@/lib/auth/current-business';
import { listProducts } from '@/lib/products/data';
import { describeDuration } from '@/lib/products/schema';

export const metadata: Metadata = { title: 'Products' };

export default async function ProductsPage() {
  const { businessId } = await requireBusiness();
  const products = await listProducts(businessId);
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Products</h1>
      <p className="mt-1 text-sm text-slate-600">New keys for a product start with these terms.</p>
      <div className="mt-4 overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
            <tr>
              <th scope="col" className="px-4 py-3">
                Product
              </th>
              <th scope="col" className="px-4 py-3">
                Activations limit
              </th>
              <th scope="col" className="px-4 py-3">
                Key lifetime
              </th>
              <th scope="col" className="px-4 py-3">
                Key prefix
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {products.map((product) => (
              <tr key={product.id}>
                <th scope="row" className="px-4 py-3 text-left font-medium">
                  {product.name}
                </th>
                <td className="px-4 py-3">{product.defaultActivationsLimit ?? 'Unlimited'}</td>
                <td className="px-4 py-3">{describeDuration(product.defaultKeyDuration)}</td>
                <td className="px-4 py-3 font-mono">{product.keyPrefix ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
