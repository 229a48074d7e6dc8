// The overview's charts as plain data: the server page builds them, the client chart and its table
// draw them. No server imports.

/** One series of a chart: its name in the legend, the table and the tooltip, and its colour. */
export type ChartSeries = { key: string; name: string; color: string };

/** One period of a chart: its labels for the axis and for the table, a value per series. */
export type ChartRow = { period: string; label: string; longLabel: string; values: number[] };

export type ChartData = {
  /** What the chart shows; its caption and the table's. */
  title: string;
  /** A sentence under the title: the totals and the time zone. */
  description: string;
  /** The table's first column: "Day" or "Month". */
  periodHeading: string;
  series: ChartSeries[];
  rows: ChartRow[];
  /** Stacked: the series add up to a whole (new keys by source), and the table adds a total. */
  stacked: boolean;
};

/** Each series' sum over the rows. */
export function seriesTotals(data: Pick<ChartData, 'series' | 'rows'>): number[] {
  return data.series.map((_, index) => data.rows.reduce((sum, row) => sum + row.values[index], 0));
}
