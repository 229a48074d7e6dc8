import { seriesTotals, type ChartData } from './chart-types';

const number = new Intl.NumberFormat('en-US');

/**
 * A chart's numbers as a table: a row per period (oldest first, as the bars), a column per series
 * (and their total when they stack), and the totals in the footer. It scrolls inside its own frame,
 * which the keyboard can reach, so a long range never stretches the page.
 */
export function ChartTable({ data }: { data: ChartData }) {
  const totals = seriesTotals(data);
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  return (
    <div
      role="region"
      aria-label={`${data.title}, as a table`}
      // A frame that scrolls must be reachable by keyboard to scroll it (WCAG 2.1.1, axe's
      // scrollable-region-focusable), and this one holds nothing else that takes the focus.
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      className="relative max-h-96 overflow-auto rounded-md border border-slate-200 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
    >
      <table className="min-w-full text-sm [&_td]:px-3 [&_td]:py-1.5 [&_th]:px-3 [&_th]:py-1.5">
        <caption className="sr-only">{data.title}</caption>
        <thead className="sticky top-0 bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col">{data.periodHeading}</th>
            {data.series.map((series) => (
              <th key={series.key} scope="col" className="text-right">
                {series.name}
              </th>
            ))}
            {data.stacked ? (
              <th scope="col" className="text-right">
                Total
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {data.rows.map((row) => (
            <tr key={row.period}>
              <th scope="row" className="text-left font-normal whitespace-nowrap">
                {row.longLabel}
              </th>
              {row.values.map((value, index) => (
                <td key={data.series[index].key} className="text-right tabular-nums">
                  {number.format(value)}
                </td>
              ))}
              {data.stacked ? (
                <td className="text-right tabular-nums">{number.format(sum(row.values))}</td>
              ) : null}
            </tr>
          ))}
        </tbody>
        <tfoot className="sticky bottom-0 border-t border-slate-300 bg-slate-50 font-semibold">
          <tr>
            <th scope="row" className="text-left">
              Total
            </th>
            {totals.map((value, index) => (
              <td key={data.series[index].key} className="text-right tabular-nums">
                {number.format(value)}
              </td>
            ))}
            {data.stacked ? (
              <td className="text-right tabular-nums">{number.format(sum(totals))}</td>
            ) : null}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
