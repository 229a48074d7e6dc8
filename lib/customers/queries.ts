import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { CustomerOption } from './schema';

/**
 * The customer picker's search: GET /internal/customers?q=… (the first 20 for an empty q).
 * Keeps the previous results on screen while the next search loads.
 */
export function customerSearchQuery(q: string) {
  const query = q.trim();
  return queryOptions({
    queryKey: ['customers', 'search', query],
    queryFn: async ({ signal }): Promise<CustomerOption[]> => {
      const response = await fetch(`/internal/customers?q=${encodeURIComponent(query)}`, {
        signal,
        headers: { Accept: 'application/json' },
      });
      if (!response.ok) throw new Error(`Customer search failed with HTTP ${response.status}`);
      const body = (await response.json()) as { items: CustomerOption[] };
      return body.items;
    },
    placeholderData: keepPreviousData,
  });
}
