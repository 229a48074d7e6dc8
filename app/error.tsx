'use client';

import { ErrorNotice } from '@/components/layout/error-notice';

/** Unexpected errors outside the dashboard's pages (sign-in, invites, docs, the dashboard's shell). */
export default function RootError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <ErrorNotice digest={error.digest} onRetry={reset} />
    </main>
  );
}
