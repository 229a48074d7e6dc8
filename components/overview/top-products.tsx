import Link from 'next/link';
import { Cell, EmptyPanel, RowHeader, Table } from '@/components/ui/table';
import type { OverviewProduct } from '@/lib/overview/types';
import { count, keyListHref } from './key-list-link';

/** The products with the most active keys (up to five), with their activations in use. */
export function TopProducts({ products }: { products: OverviewProduct[] }) {
  return (
    <section aria-labelledby="top-products-heading" className="space-y-3">
      <h2 id="top-products-heading" className="text-lg font-semibold">
        Top products by active keys
      </h2>
      <Table
        caption="Top products by active keys"
        columns={['Product', 'Active keys', 'Activations in use', 'Keys without a limit']}
        rows={products}
        empty={<EmptyPanel>No product has an active key.</EmptyPanel>}
      >
        {(product) => (
          <tr key={product.id}>
            <RowHeader>
              <Link
                href={keyListHref({ status: 'active', productId: product.id })}
                className="text-indigo-700 underline-offset-2 hover:underline"
              >
                {product.name}
              </Link>
            </RowHeader>
            <Cell className="tabular-nums">{count.format(product.activeKeys)}</Cell>
            <Cell className="whitespace-nowrap tabular-nums">
              {count.format(product.activationsUsed)} of {count.format(product.activationsLimit)}
            </Cell>
            <Cell className="tabular-nums">{count.format(product.unlimitedKeys)}</Cell>
          </tr>
        )}
      </Table>
    </section>
  );
}
