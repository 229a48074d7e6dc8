import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { ProductOption } from './schema';

/**
 * The product picker's search: GET /internal/products?q=… (the first 20 for an empty q).
 * Keeps the previous results on screen while the next search loads.
 */
export function productSearchQuery(q: string) {
  const query = q.trim();
  return queryOptions({
    queryKey: ['products', 'search', query],
    queryFn: async ({ signal }): Promise<ProductOption[]> => {
      const response = await fetch(`/internal/products?q=${encodeURIComponent(query)}`, {
        signal,
        headers: { Accept: 'application/json' },
      });
      if (!response.ok) throw new Error(`Product search failed with HTTP ${response.status}`);
      const body = (await response.json()) as { items: ProductOption[] };
      return body.items;
    },
    placeholderData: keepPreviousData,
  });
}
