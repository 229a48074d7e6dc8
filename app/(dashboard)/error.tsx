'use client';

import { Button } from '@/components/ui/button';

/** Unexpected errors: a generic message and the reference the server logged the error under. */
export default function DashboardError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div role="alert">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-slate-600">
        Nothing you saved was lost. Please try again; if it keeps happening, contact support
        {error.digest ? (
          <>
            {' '}
            with reference <span className="font-mono">{error.digest}</span>
          </>
        ) : null}
        .
      </p>
      <Button variant="secondary" onClick={reset} className="mt-4">
        Try again
      </Button>
    </div>
  );
}
