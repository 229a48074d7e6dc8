'use client';

import { ErrorNotice } from '@/components/layout/error-notice';

/** Unexpected errors of a dashboard page: a generic message and the reference the server logged. */
export default function DashboardError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return <ErrorNotice digest={error.digest} onRetry={reset} />;
}
