'use client';

import dynamic from 'next/dynamic';
import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ChartTable } from './chart-table';
import type { ChartData, ChartSeries } from './chart-types';

/** The chart's drawing area: the chart, and its outline while Recharts loads, are this size. */
const PLOT_HEIGHT = 'h-64';

function PlotSkeleton() {
  return (
    <div className={`${PLOT_HEIGHT} w-full rounded-md bg-slate-100 motion-safe:animate-pulse`}>
      <span className="sr-only">Loading chart…</span>
    </div>
  );
}

// Recharts (and everything it brings) is a chunk of its own, fetched once this page runs in the
// browser: no other page's JavaScript carries it, nor this page's first load. The table needs none of it.
const ChartBars = dynamic(() => import('./chart-bars').then((module) => module.ChartBars), {
  ssr: false,
  loading: PlotSkeleton,
});

/**
 * A chart of the overview in a figure with its caption, a legend that names every colour, and
 * "Show as table": the same numbers in a table, for whoever reads a table better than bars.
 */
export function OverviewChart({ data }: { data: ChartData }) {
  const [asTable, setAsTable] = useState(false);
  const id = useId();
  return (
    // Named by its title and described by the totals (a figcaption alone names it for some tools only).
    <figure
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-summary`}
      className="min-w-0 space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <figcaption className="min-w-0 flex-1">
          <span id={`${id}-title`} className="block font-semibold text-slate-900">
            {data.title}
          </span>
          <span id={`${id}-summary`} className="block text-sm text-slate-600">
            {data.description}
          </span>
        </figcaption>
        <Button
          variant="secondary"
          size="sm"
          aria-pressed={asTable}
          onClick={() => setAsTable((shown) => !shown)}
          className="aria-pressed:bg-slate-200 aria-pressed:ring-slate-400"
        >
          Show as table
        </Button>
      </div>
      {asTable ? (
        <ChartTable data={data} />
      ) : (
        <>
          <Legend series={data.series} />
          <div className={`${PLOT_HEIGHT} w-full`}>
            <ChartBars data={data} />
          </div>
        </>
      )}
    </figure>
  );
}

/** Every colour with its name, in the order the bars stack (bottom first). */
function Legend({ series }: { series: ChartSeries[] }) {
  return (
    <ul aria-label="Legend" className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
      {series.map((item) => (
        <li key={item.key} className="flex items-center gap-1.5">
          <span
            aria-hidden="true"
            className="inline-block size-3 rounded-sm"
            style={{ backgroundColor: item.color }}
          />
          {item.name}
        </li>
      ))}
    </ul>
  );
}
