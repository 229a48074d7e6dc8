import { dehydrate, QueryClient, queryOptions, type DehydratedState } from '@tanstack/react-query';
import type { LicenseKeyStatus } from '@/lib/license-keys/status';

/** GET /internal/license-keys/{id}/usage: a key's seats and instances, as the key page shows them. */
export type LicenseKeyUsage = {
  instancesCount: number;
  /** null: unlimited. */
  activationsLimit: number | null;
  status: LicenseKeyStatus;
  /** Newest first, at most lib/license-key-instances/data.ts INSTANCES_SHOWN of them. */
  instances: { id: string; name: string; createdAt: string }[];
};

export const USAGE_POLL_INTERVAL_MS = 2_000;

export class UsageRequestError extends Error {
  constructor(readonly status: number) {
    super(`Loading the activations failed with HTTP ${status}`);
    this.name = 'UsageRequestError';
  }
}

/** Signed out, not allowed, or no such key: asking again every 2 seconds cannot help. */
function isFinal(error: unknown): boolean {
  return error instanceof UsageRequestError && [401, 403, 404].includes(error.status);
}

/**
 * A key's usage, polled every 2 seconds while the page is visible, so that activations made through
 * the public API show up without a reload. Polling stops after an answer that cannot change.
 */
export function licenseKeyUsageQuery(licenseKeyId: string) {
  return queryOptions({
    queryKey: ['license-keys', licenseKeyId, 'usage'],
    queryFn: async ({ signal }): Promise<LicenseKeyUsage> => {
      const response = await fetch(
        `/internal/license-keys/${encodeURIComponent(licenseKeyId)}/usage`,
        { signal, headers: { Accept: 'application/json' }, cache: 'no-store' },
      );
      if (!response.ok) throw new UsageRequestError(response.status);
      return (await response.json()) as LicenseKeyUsage;
    },
    staleTime: USAGE_POLL_INTERVAL_MS,
    refetchInterval: (query) => (isFinal(query.state.error) ? false : USAGE_POLL_INTERVAL_MS),
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
    retry: (failureCount, error) => !isFinal(error) && failureCount < 1,
  });
}

/**
 * The server render's usage as TanStack Query state, for a `HydrationBoundary`: the page paints the
 * server's numbers at once, and a newer server render (after an action) replaces older cached ones.
 */
export function licenseKeyUsageState(
  licenseKeyId: string,
  usage: LicenseKeyUsage,
): DehydratedState {
  const queryClient = new QueryClient();
  queryClient.setQueryData(licenseKeyUsageQuery(licenseKeyId).queryKey, usage);
  return dehydrate(queryClient);
}
