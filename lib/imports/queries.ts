import { queryOptions } from '@tanstack/react-query';
import type { ImportJobView } from './job';

/** How often an import's page asks for its job while a pass runs. */
export const IMPORT_POLL_INTERVAL_MS = 1_000;

export class ImportJobRequestError extends Error {
  constructor(readonly status: number) {
    super(`Loading the import failed with HTTP ${status}`);
    this.name = 'ImportJobRequestError';
  }
}

/** Signed out, not allowed, or no such import: asking again cannot help. */
export function isFinalImportJobError(error: unknown): boolean {
  return error instanceof ImportJobRequestError && [401, 403, 404].includes(error.status);
}

/**
 * An import job, fresh from GET /internal/imports/{id}: its page polls it every second while the
 * file is checked or imported (components/imports/live-import-progress.tsx), until an answer that
 * cannot change.
 */
export function importJobQuery(jobId: string) {
  return queryOptions({
    queryKey: ['imports', jobId],
    queryFn: async ({ signal }): Promise<ImportJobView> => {
      const response = await fetch(`/internal/imports/${encodeURIComponent(jobId)}`, {
        signal,
        headers: { Accept: 'application/json' },
        cache: 'no-store',
      });
      if (!response.ok) throw new ImportJobRequestError(response.status);
      return (await response.json()) as ImportJobView;
    },
    staleTime: 0,
    // A page opened again must not start from an old answer: nothing is kept once it is left.
    gcTime: 0,
    retry: (failures, error) => failures < 1 && !isFinalImportJobError(error),
    refetchInterval: (query) =>
      isFinalImportJobError(query.state.error) ? false : IMPORT_POLL_INTERVAL_MS,
  });
}
