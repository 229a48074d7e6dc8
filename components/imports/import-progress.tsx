'use client';

import { useRouter } from 'next/navigation';
import { lazy, Suspense, useCallback } from 'react';
import type { LiveImportProgressProps } from './live-import-progress';
import { ImportProgressView } from './import-progress-view';

// The progress is rendered with the page (the server sends the bar as it stands), and the code
// that follows it (TanStack Query, which asks every second) is fetched once the page has loaded:
// the page's first-load JavaScript stays within the dashboard's budget. The router is used here, not
// in the lazy part: next/navigation imported from a lazy chunk makes Turbopack split the runtime
// chunks every page shares differently, and every page's first load grows by 0.4 KB.
const LiveImportProgress = lazy(() =>
  import('./live-import-progress').then((m) => ({ default: m.LiveImportProgress })),
);

/** A running check or import, followed live until it ends (then the page shows its outcome). */
export function ImportProgress(props: Omit<LiveImportProgressProps, 'onEnded'>) {
  const router = useRouter();
  const refresh = useCallback(() => router.refresh(), [router]);
  return (
    <Suspense
      fallback={
        <ImportProgressView
          pass={props.state === 'checking' ? 'check' : 'import'}
          rowsDone={props.rowsDone}
          totalRows={props.totalRows}
        />
      }
    >
      <LiveImportProgress {...props} onEnded={refresh} />
    </Suspense>
  );
}
