'use client';

import {
  Bar,
  BarChart,
  CartesianGrid,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from 'recharts';
import type { ChartData, ChartRow } from './chart-types';

// The bars of an overview chart, drawn by Recharts. Imported only through next/dynamic (see
// overview-chart.tsx), so Recharts stays out of every bundle but this lazily loaded one.

const number = new Intl.NumberFormat('en-US');
/** Axis text: slate-600, 7.6:1 on white. */
const AXIS_TEXT = { fill: '#475569', fontSize: 12 };

export function ChartBars({ data }: { data: ChartData }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart
        data={data.rows}
        title={data.title}
        margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
        barCategoryGap="15%"
      >
        <CartesianGrid vertical={false} stroke="#e2e8f0" />
        <XAxis
          dataKey="label"
          tick={AXIS_TEXT}
          tickLine={false}
          axisLine={{ stroke: '#94a3b8' }}
          minTickGap={12}
        />
        <YAxis
          allowDecimals={false}
          width={36}
          tick={AXIS_TEXT}
          tickLine={false}
          axisLine={false}
        />
        <Tooltip
          cursor={{ fill: '#f1f5f9' }}
          isAnimationActive={false}
          content={(props) => <PeriodTooltip data={data} {...props} />}
        />
        {data.series.map((series, index) => (
          <Bar
            key={series.key}
            name={series.name}
            dataKey={(row: ChartRow) => row.values[index]}
            fill={series.color}
            stackId={data.stacked ? 'period' : undefined}
            // A white edge between stacked parts, so that no two colours touch.
            stroke={data.stacked ? '#ffffff' : undefined}
            strokeWidth={data.stacked ? 1 : 0}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

/** The period under the pointer (or the keyboard's arrow keys): its date and every series, by name. */
function PeriodTooltip({
  data,
  active,
  payload,
}: { data: ChartData } & Pick<TooltipContentProps, 'active' | 'payload'>) {
  const row = payload?.[0]?.payload as ChartRow | undefined;
  if (!active || !row) return null;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-sm text-slate-900 shadow-md">
      <p className="font-semibold">{row.longLabel}</p>
      <ul>
        {data.series.map((series, index) => (
          <li key={series.key} className="flex items-center gap-1.5">
            <span
              aria-hidden="true"
              className="inline-block size-2.5 rounded-sm"
              style={{ backgroundColor: series.color }}
            />
            {series.name}: <span className="tabular-nums">{number.format(row.values[index])}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
