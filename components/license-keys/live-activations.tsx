'use client';

import { useState } from 'react';
import { formatActivations } from '@/lib/format';
import { ActivationsUsage } from './activations-usage';
import { useKeyUsage } from './key-usage';

/**
 * A key's "3 of 5" that follows activations as they happen: the key page's usage (./key-usage.tsx),
 * polled while the page is visible. A change (not every poll) is announced politely: "Activations: 3 of 5".
 */
export function LiveActivations() {
  const { data, isRefetchError } = useKeyUsage();
  const text = data ? formatActivations(data.instancesCount, data.activationsLimit) : null;

  // Announce a changed value only: adjusting state while rendering, as React recommends, keeps the
  // live region's text untouched while polls return the same numbers.
  const [shownText, setShownText] = useState(text);
  const [announcement, setAnnouncement] = useState('');
  if (text !== shownText) {
    setShownText(text);
    if (text !== null && shownText !== null) setAnnouncement(`Activations: ${text}`);
  }

  return (
    <>
      {data ? (
        <ActivationsUsage used={data.instancesCount} limit={data.activationsLimit} />
      ) : (
        <span className="text-slate-600">Unavailable</span>
      )}
      {isRefetchError ? (
        <span className="ml-3 text-xs text-amber-800">
          Not up to date: the last refresh failed.
        </span>
      ) : null}
      <span aria-live="polite" className="sr-only">
        {announcement}
      </span>
    </>
  );
}
