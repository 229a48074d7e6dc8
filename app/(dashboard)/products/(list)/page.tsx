import type { Metadata } from 'next';
import Link from 'next/link';
import { ArchiveProductButton } from '@/components/products/archive-product-button';
import { Badge } from '@/components/ui/badge';
import { LinkButton } from '@/components/ui/link-button';
import { Cell, RowHeader, Table } from '@/components/ui/table';
import { requireMember } from '@/lib/auth/member';
import { can } from '@/lib/auth/permissions';
import { listProducts } from '@/lib/products/data';
import { describeDuration } from '@/lib/products/schema';

export const metadata: Metadata = { title: 'Products' };

type Props = {
  searchParams: Promise<{ saved?: string | string[]; created?: string | string[] }>;
};

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function ProductsPage({ searchParams }: Props) {
  const member = await requireMember();
  const { role } = member;
  const query = await searchParams;
  const products = await listProducts(member);
  const savedId = first(query.saved);
  const createdId = first(query.created);
  const saved = savedId ? products.find((product) => product.id === savedId) : undefined;
  const created = createdId ? products.find((product) => product.id === createdId) : undefined;
  const highlighted = created ?? saved;
  const canEdit = can(role, 'products:edit');
  const canArchive = can(role, 'products:archive');
  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Products</h1>
          <p className="mt-1 text-sm text-slate-600">
            New keys for a product start with these terms. Changing them does not change keys
            already issued. An archived product takes no new keys; its keys keep working.
          </p>
        </div>
        {can(role, 'products:create') ? (
          <LinkButton href="/products/new">New product</LinkButton>
        ) : null}
      </div>
      <div role="status" className="empty:hidden">
        {highlighted ? (
          <p className="mt-4 rounded-md border border-green-300 bg-green-50 px-4 py-3 text-sm text-green-900">
            {created ? 'Created' : 'Saved'} {highlighted.name}.
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
            (canEdit || canArchive) && { label: 'Actions', hidden: true },
          ]}
          rows={products}
        >
          {(product) => (
            <tr
              key={product.id}
              className={product.id === highlighted?.id ? 'bg-green-50' : undefined}
            >
              <RowHeader>
                <span className="flex flex-wrap items-center gap-2">
                  <span className={product.archivedAt ? 'text-slate-500' : undefined}>
                    {product.name}
                  </span>
                  {product.archivedAt ? <Badge tone="slate">Archived</Badge> : null}
                </span>
                {product.description ? (
                  <span className="mt-0.5 line-clamp-2 block max-w-80 text-xs font-normal text-slate-600">
                    {product.description}
                  </span>
                ) : null}
              </RowHeader>
              <Cell>{product.defaultActivationsLimit ?? 'Unlimited'}</Cell>
              <Cell>{describeDuration(product.defaultKeyDuration)}</Cell>
              <Cell className="font-mono">{product.keyPrefix ?? '—'}</Cell>
              {canEdit || canArchive ? (
                <Cell className="text-right">
                  <div className="flex items-center justify-end gap-3">
                    {canEdit ? (
                      <Link
                        href={`/products/${product.id}/edit`}
                        className="font-medium text-indigo-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
                      >
                        Edit<span className="sr-only"> {product.name}</span>
                      </Link>
                    ) : null}
                    {canArchive ? (
                      <ArchiveProductButton
                        id={product.id}
                        name={product.name}
                        archived={product.archivedAt !== null}
                      />
                    ) : null}
                  </div>
                </Cell>
              ) : null}
            </tr>
          )}
        </Table>
      </div>
    </>
  );
}
