import type { ComponentProps, ReactNode } from 'react';

/** A column header: its text, or text only screen readers get (a column of row actions). */
export type TableColumn = string | { label: string; hidden: true };

type TableProps<Row> = {
  /** What the table holds: its accessible name. Screen readers only, unless `showCaption`. */
  caption: string;
  showCaption?: boolean;
  /** Header cells, in order; `false` leaves a column out (one the viewer may not use). */
  columns: readonly (TableColumn | false)[];
  rows: readonly Row[];
  /** One `<tr>` per row, with a `RowHeader` and `Cell`s. */
  children: (row: Row) => ReactNode;
  /** Shown instead of the table when there are no rows (`EmptyPanel`, or a line of text). */
  empty?: ReactNode;
  /** `card`: a bordered white panel of its own. `plain`: for a table already inside a panel. */
  frame?: 'card' | 'plain';
  /** `compact`: tighter cells, for reference tables. */
  density?: 'normal' | 'compact';
  /**
   * For a wide table with nothing focusable in it (no links, no buttons): its scrolling box takes
   * the keyboard focus, as a region named by the caption, so that it scrolls without a mouse.
   */
  focusable?: boolean;
};

// A wide table scrolls inside its wrapper, never the page. `relative` makes the wrapper the
// containing block of the table's visually hidden texts (`sr-only` is absolutely positioned):
// without it they are placed against the page and stretch it sideways on a narrow screen.
const frames = {
  card: {
    wrapper: 'relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm',
    head: 'bg-slate-50',
  },
  plain: { wrapper: 'relative overflow-x-auto', head: '' },
} as const;

const FOCUS_RING =
  'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600';

// Every cell, header cells included, gets the padding: rows only hold RowHeader and Cell.
const densities = {
  normal: '[&_td]:px-4 [&_td]:py-3 [&_th]:px-4 [&_th]:py-3',
  compact: '[&_td]:px-3 [&_td]:py-2 [&_th]:px-3 [&_th]:py-2',
} as const;

/**
 * A data table: a caption naming it, column headers with `scope="col"`, one row per item (each led
 * by a `RowHeader`), and an empty state instead of a table without rows.
 */
export function Table<Row>({
  caption,
  showCaption = false,
  columns,
  rows,
  children,
  empty,
  frame = 'card',
  density = 'normal',
  focusable = false,
}: TableProps<Row>) {
  if (rows.length === 0 && empty !== undefined) return <>{empty}</>;
  const headers = columns.filter((column) => column !== false);
  return (
    <div
      className={`${frames[frame].wrapper} ${focusable ? FOCUS_RING : ''}`}
      role={focusable ? 'region' : undefined}
      aria-label={focusable ? caption : undefined}
      // A frame that scrolls must be reachable by keyboard to scroll it (WCAG 2.1.1, axe's
      // scrollable-region-focusable); `focusable` says the table holds nothing else that can be.
      tabIndex={focusable ? 0 : undefined}
    >
      <table className={`min-w-full divide-y divide-slate-200 text-sm ${densities[density]}`}>
        <caption
          className={
            showCaption ? 'mb-2 text-left text-sm font-semibold text-slate-700' : 'sr-only'
          }
        >
          {caption}
        </caption>
        <thead
          className={`${frames[frame].head} text-left text-xs font-semibold tracking-wide text-slate-600 uppercase`}
        >
          <tr>
            {headers.map((column) =>
              typeof column === 'string' ? (
                <th key={column} scope="col" className="whitespace-nowrap">
                  {column}
                </th>
              ) : (
                <th key={column.label} scope="col">
                  <span className="sr-only">{column.label}</span>
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{rows.map(children)}</tbody>
      </table>
    </div>
  );
}

/** The cell that names its row (`scope="row"`): bold by default, `className` replaces that. */
export function RowHeader({ className = 'font-medium', ...props }: ComponentProps<'th'>) {
  return <th scope="row" className={`text-left align-top ${className}`} {...props} />;
}

/** A data cell, top-aligned with its row header. */
export function Cell({ className = '', ...props }: ComponentProps<'td'>) {
  return <td className={`align-top ${className}`} {...props} />;
}

/** The empty state of a list that has a panel of its own: a dashed box with a sentence. */
export function EmptyPanel({ children }: { children: ReactNode }) {
  return (
    <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
      {children}
    </p>
  );
}
