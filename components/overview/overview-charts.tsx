import { periodLabel, periodLongLabel, periodUnit, RANGE_LABELS } from '@/lib/overview/labels';
import type { Overview, OverviewPeriod } from '@/lib/overview/types';
import { count } from './key-list-link';
import { OverviewChart } from './overview-chart';
import { RangeSwitch } from './range-switch';
import { seriesTotals, type ChartData, type ChartSeries } from './chart-types';

// Colours: each 3:1 or more against white (WCAG non-text contrast), apart in lightness as well as
// hue, and never alone: the legend, the tooltip and the table name every series.
const SOURCES: (ChartSeries & { key: 'auto' | 'import' | 'manual' })[] = [
  { key: 'auto', name: 'Auto', color: '#312e81' }, // indigo-900, 11.4:1
  { key: 'import', name: 'Import', color: '#0d9488' }, // teal-600, 3.7:1
  { key: 'manual', name: 'Manual', color: '#c2410c' }, // orange-700, 5.2:1
];
const ACTIVITY: (ChartSeries & { key: 'activations' | 'deactivations' })[] = [
  { key: 'activations', name: 'Activations', color: '#4338ca' }, // indigo-700, 7.9:1
  { key: 'deactivations', name: 'Deactivations', color: '#ea580c' }, // orange-600, 3.6:1
];

function chartOf(
  overview: Overview,
  series: (ChartSeries & { key: keyof OverviewPeriod })[],
  text: { title: string; summary: (totals: number[]) => string },
  stacked: boolean,
): ChartData {
  const unit = periodUnit(overview.range);
  const rows = overview.series.map((period) => ({
    period: period.period,
    label: periodLabel(period.period),
    longLabel: periodLongLabel(period.period),
    values: series.map((item) => Number(period[item.key])),
  }));
  const totals = seriesTotals({ series, rows });
  return {
    title: text.title,
    description: `${text.summary(totals)} ${unit === 'day' ? 'Days' : 'Months'} in the ${overview.timeZone} time zone.`,
    periodHeading: unit === 'day' ? 'Day' : 'Month',
    series: series.map(({ key, name, color }) => ({ key, name, color })),
    rows,
    stacked,
  };
}

/** The charts of the overview's range (new keys by source; activations and deactivations). */
export function OverviewCharts({ overview }: { overview: Overview }) {
  const unit = periodUnit(overview.range);
  const span = `the last ${RANGE_LABELS[overview.range]}`;
  const newKeys = chartOf(
    overview,
    SOURCES,
    {
      title: `New keys per ${unit} by source, ${span}`,
      summary: ([auto, imported, manual]) =>
        `${count.format(auto + imported + manual)} new: ${count.format(auto)} auto, ${count.format(imported)} import, ${count.format(manual)} manual.`,
    },
    true,
  );
  const activity = chartOf(
    overview,
    ACTIVITY,
    {
      title: `Activations and deactivations per ${unit}, ${span}`,
      summary: ([on, off]) =>
        `${count.format(on)} activations, ${count.format(off)} deactivations.`,
    },
    false,
  );
  return (
    <section aria-labelledby="charts-heading" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="charts-heading" className="text-lg font-semibold">
          Over {span}
        </h2>
        <RangeSwitch range={overview.range} />
      </div>
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
        <OverviewChart data={newKeys} />
        <OverviewChart data={activity} />
      </div>
    </section>
  );
}
