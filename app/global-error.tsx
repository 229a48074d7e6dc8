'use client';

import { ErrorNotice } from '@/components/layout/error-notice';
import './globals.css';

/** Unexpected errors of the root layout itself: it replaces the whole document. */
export default function GlobalError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <main className="mx-auto max-w-xl px-4 py-16">
          <title>Something went wrong · Keydesk</title>
          <ErrorNotice digest={error.digest} onRetry={reset} />
        </main>
      </body>
    </html>
  );
}
