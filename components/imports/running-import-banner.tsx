'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import {
  fetchRunningImport,
  RUNNING_IMPORT_POLL_INTERVAL_MS,
  RunningImportRequestError,
  runningImportText,
  type RunningImport,
} from '@/lib/imports/running';

type Banner = { job: RunningImport; ended: boolean } | null;

const linkClassName = 'font-medium text-sky-900 underline underline-offset-2 hover:text-sky-950';

/**
 * The key list's banner while an import writes keys: "Importing keys from keys.csv: 45% (4,500 of
 * 10,000 rows)", from the server's render, then asked for every 2 seconds while the page is visible
 * (a small fetch: no query library on the key list). When the import has ended it says so and the
 * list is rendered again, with the new keys. `canOpen`: a link to the import's page.
 */
export function RunningImportBanner({
  running,
  canOpen,
}: {
  running: RunningImport | null;
  canOpen: boolean;
}) {
  const router = useRouter();
  const [state, setState] = useState<Banner>(running && { job: running, ended: false });
  // A newer render of the page (another import started) replaces what was polled.
  const [rendered, setRendered] = useState(running);
  if (running !== rendered) {
    setRendered(running);
    if (running) setState({ job: running, ended: false });
  }

  const polling = state !== null && !state.ended;
  useEffect(() => {
    if (!polling) return;
    let controller: AbortController | null = null;
    const ask = async () => {
      if (controller || document.visibilityState !== 'visible') return;
      const current = new AbortController();
      controller = current;
      try {
        const next = await fetchRunningImport(current.signal);
        if (next) {
          setState({ job: next, ended: false });
        } else {
          setState((shown) => shown && { ...shown, ended: true });
          router.refresh();
        }
      } catch (error) {
        // Signed out or no longer allowed: asking again cannot help. Else the next ask may work.
        if (error instanceof RunningImportRequestError && [401, 403].includes(error.status)) {
          clearInterval(timer);
        }
      } finally {
        if (controller === current) controller = null;
      }
    };
    const timer = setInterval(ask, RUNNING_IMPORT_POLL_INTERVAL_MS);
    return () => {
      clearInterval(timer);
      controller?.abort();
    };
  }, [polling, router]);

  const job = state?.job;
  const href = job && `/license-keys/import/${encodeURIComponent(job.id)}`;
  return (
    <div role="status" className="mb-4 empty:hidden">
      {job && href ? (
        <p className="rounded-md border border-sky-300 bg-sky-50 px-4 py-3 text-sm text-sky-950">
          {state.ended ? `Finished importing keys from ${job.fileName}.` : runningImportText(job)}
          {canOpen ? (
            <>
              {' '}
              <Link href={href} className={linkClassName}>
                {state.ended ? 'See its summary' : 'See the import'}
              </Link>
            </>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}
