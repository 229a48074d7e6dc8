'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { z } from 'zod';

// Zod probes for eval (`new Function`) to compile fast parsers; the pages' Content-Security-Policy
// refuses eval, and the browser reports even a probe that fails quietly. Parse without it.
z.config({ jitless: true });

/** Client-side state shared by the dashboard: one TanStack Query cache per browser tab. */
export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: { queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: false } },
      }),
  );
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
