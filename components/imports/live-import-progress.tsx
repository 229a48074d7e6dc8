'use client';

import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { QueryProvider } from '@/components/query-provider';
import { addSample, milestone, rowsPerSecond, type ProgressSample } from '@/lib/imports/progress';
import { importJobQuery } from '@/lib/imports/queries';
import { ImportProgressView } from './import-progress-view';

export type LiveImportProgressProps = {
  jobId: string;
  /** The state the page was rendered in: when the job leaves it, the page is rendered again. */
  state: 'checking' | 'importing';
  rowsDone: number;
  totalRows: number;
  /** Called once the job has left `state`: the page is rendered again, and shows the outcome. */
  onEnded: () => void;
};

/**
 * The job's progress, asked for every second (lib/imports/queries.ts): the rows done, the rate
 * measured from the successive answers, the time left. A quarter reached, and the end, are
 * announced politely (not every answer); when the job has left the page's state (checked, done,
 * failed) the page is rendered again, and shows the outcome.
 */
export function LiveImportProgress(props: LiveImportProgressProps) {
  return (
    <QueryProvider>
      <FollowedProgress {...props} />
    </QueryProvider>
  );
}

function FollowedProgress({ jobId, state, rowsDone, totalRows, onEnded }: LiveImportProgressProps) {
  const { data, dataUpdatedAt, isRefetchError, isError } = useQuery(importJobQuery(jobId));
  const job = data ?? { state, rowsDone, totalRows };

  // The rate: each new answer is a sample (adjusting state while rendering, as React recommends).
  const [samples, setSamples] = useState<ProgressSample[]>([]);
  const [sampledAt, setSampledAt] = useState(0);
  if (data && dataUpdatedAt !== sampledAt) {
    setSampledAt(dataUpdatedAt);
    setSamples((current) => addSample(current, { at: dataUpdatedAt, rowsDone: data.rowsDone }));
  }
  // Milestones already passed when the page opened are not announced again.
  const [openedAt] = useState(() => milestone({ rowsDone, totalRows }));

  const ended = job.state !== state;
  useEffect(() => {
    if (ended) onEnded();
  }, [ended, onEnded]);

  const pass = state === 'checking' ? 'Check' : 'Import';
  const reached = milestone(job);
  let announcement = '';
  if (ended) announcement = `${pass} finished.`;
  else if (reached > openedAt) announcement = `${pass}: ${reached * 25}% done.`;

  return (
    <ImportProgressView
      pass={state === 'checking' ? 'check' : 'import'}
      rowsDone={job.rowsDone}
      totalRows={job.totalRows}
      rate={rowsPerSecond(samples)}
      announcement={announcement}
      stale={isRefetchError || (isError && !data)}
    />
  );
}
