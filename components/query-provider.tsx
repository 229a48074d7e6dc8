'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';

let browserClient: QueryClient | undefined;

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: { queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: false } },
  });
}

/**
 * The TanStack Query cache, for the parts of a page that query (the key form's pickers): one cache
 * per browser tab, kept across pages. Only those pages load TanStack Query; on the server each
 * render gets its own cache.
 */
export function QueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(() =>
    typeof window === 'undefined' ? makeQueryClient() : (browserClient ??= makeQueryClient()),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
