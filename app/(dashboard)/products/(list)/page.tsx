import type { Metadata } from 'next';
import Link from 'next/link';
import { Cell, RowHeader, Table } from '@/components/ui/table';
import { requireMember } from '@/lib/auth/member';
import { can } from '@/lib/auth/permissions';
import { listProducts } from '@/lib/products/data';
import { describeDuration } from '@/lib/products/schema';

export const metadata: Metadata = { title: 'Products' };

type Props = { searchParams: Promise<{ saved?: string | string[] }> };

export default async function ProductsPage({ searchParams }: Props) {
  const member = await requireMember();
  const { role } = member;
  const savedParam = (await searchParams).saved;
  const savedId = Array.isArray(savedParam) ? savedParam[0] : savedParam;
  const products = await listProducts(member);
  const saved = savedId ? products.find((product) => product.id === savedId) : undefined;
  const canEdit = can(role, 'products:edit');
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Products</h1>
      <p className="mt-1 text-sm text-slate-600">
        New keys for a product start with these terms. Changing them does not change keys already
        issued.
      </p>
      <div role="status" className="empty:hidden">
        {saved ? (
          <p className="mt-4 rounded-md border border-green-300 bg-green-50 px-4 py-3 text-sm text-green-900">
            Saved {saved.name}.
          </p>
        ) : null}
      </div>
      <div className="mt-4">
        <Table
          caption="Products and the terms of their new keys"
          columns={[
            'Product',
            'Activations limit',
            'Key lifetime',
            'Key prefix',
            canEdit && { label: 'Actions', hidden: true },
          ]}
          rows={products}
        >
          {(product) => (
            <tr key={product.id} className={product.id === saved?.id ? 'bg-green-50' : undefined}>
              <RowHeader>{product.name}</RowHeader>
              <Cell>{product.defaultActivationsLimit ?? 'Unlimited'}</Cell>
              <Cell>{describeDuration(product.defaultKeyDuration)}</Cell>
              <Cell className="font-mono">{product.keyPrefix ?? '—'}</Cell>
              {canEdit ? (
                <Cell className="text-right">
                  <Link
                    href={`/products/${product.id}/edit`}
                    className="font-medium text-indigo-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
                  >
                    Edit<span className="sr-only"> {product.name}</span>
                  </Link>
                </Cell>
              ) : null}
            </tr>
          )}
        </Table>
      </div>
    </>
  );
}
