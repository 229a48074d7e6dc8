'use client';

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
      <button
        type="button"
        onClick={reset}
        className="mt-4 rounded-md bg-white px-3 py-2 text-sm font-medium ring-1 ring-slate-300 ring-inset hover:bg-slate-50"
      >
        Try again
      </button>
    </div>
  );
}
