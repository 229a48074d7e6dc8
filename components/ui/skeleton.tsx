import type { ReactNode } from 'react';

// The loading states of the dashboard's pages (their `loading.tsx`): grey outlines of the page's
// shape while its data loads. The outlines are empty boxes, so assistive technology hears only the
// status line ("Loading license keys…").

/** A grey bar standing for a line of text, a control or a button; `className` sets its size. */
export function SkeletonLine({ className = 'h-4 w-40' }: { className?: string }) {
  return <div className={`max-w-full rounded-md bg-slate-200 ${className}`} />;
}

/**
 * A page while it loads: a status line screen readers announce, and `children`, the outline of the
 * page, marked busy and pulsing gently (not at all when the person asked for reduced motion).
 */
export function SkeletonPage({
  label,
  className = 'space-y-6',
  children,
}: {
  /** What is loading, as in "Loading license keys…". */
  label: string;
  /** The outline's spacing and width, as the page has them (`max-w-3xl space-y-6`). */
  className?: string;
  children: ReactNode;
}) {
  return (
    <>
      <p role="status" className="sr-only">
        Loading {label}…
      </p>
      <div aria-busy="true" className={`motion-safe:animate-pulse ${className}`}>
        {children}
      </div>
    </>
  );
}

/**
 * A page's heading bar: the back link above it (`backLink`), the heading, `lines` lines of
 * description, and a button at its right (`action`), as on the lists with "Issue a key".
 */
export function SkeletonHeading({
  backLink = false,
  lines = 1,
  action = false,
}: {
  backLink?: boolean;
  lines?: number;
  action?: boolean;
}) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-4">
      <div className="min-w-0 flex-1 space-y-2">
        {backLink ? <SkeletonLine className="h-4 w-24" /> : null}
        <SkeletonLine className="h-8 w-56" />
        {Array.from({ length: lines }, (_, line) => (
          <SkeletonLine key={line} className={line % 2 ? 'h-4 w-64' : 'h-4 w-96'} />
        ))}
      </div>
      {action ? <SkeletonLine className="h-9 w-32" /> : null}
    </div>
  );
}

/** A row of controls above a list: a search field and `filters` smaller controls. */
export function SkeletonToolbar({ filters = 0 }: { filters?: number }) {
  return (
    <div className="flex flex-wrap gap-2">
      <SkeletonLine className="h-9 w-72" />
      {Array.from({ length: filters }, (_, filter) => (
        <SkeletonLine key={filter} className="h-9 w-32" />
      ))}
    </div>
  );
}

/**
 * A table in its bordered panel: a header row and `rows` rows of `columns` cells. The cells share
 * the width, so the outline never makes a narrow screen scroll sideways.
 */
export function SkeletonTable({ columns = 4, rows = 5 }: { columns?: number; rows?: number }) {
  const cells = (height: string) =>
    Array.from({ length: columns }, (_, column) => (
      <div key={column} className="min-w-0 flex-1">
        <SkeletonLine className={`${height} ${column === 0 ? 'w-4/5' : 'w-3/5'}`} />
      </div>
    ));
  return (
    <div className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
      <div className="flex gap-4 bg-slate-50 px-4 py-3">{cells('h-3')}</div>
      {Array.from({ length: rows }, (_, row) => (
        <div key={row} className="flex gap-4 border-t border-slate-100 px-4 py-4">
          {cells('h-4')}
        </div>
      ))}
    </div>
  );
}

/** A form: `fields` labelled inputs (a label bar over an input box), then its submit button. */
export function SkeletonForm({
  fields = 3,
  className = 'max-w-[40rem]',
}: {
  fields?: number;
  /** The form's own width, as the real form has it. */
  className?: string;
}) {
  return (
    <div className={`space-y-6 ${className}`}>
      {Array.from({ length: fields }, (_, field) => (
        <div key={field} className="space-y-2">
          <SkeletonLine className="h-4 w-32" />
          <SkeletonLine className="h-9 w-full" />
        </div>
      ))}
      <SkeletonLine className="h-9 w-36" />
    </div>
  );
}

/** A titled section of a page (a settings section, a panel of the key page). */
export function SkeletonSection({ children }: { children: ReactNode }) {
  return (
    <div className="space-y-4">
      <SkeletonLine className="h-6 w-48" />
      {children}
    </div>
  );
}

/** A bordered panel of label/value rows, as the key page's terms. */
export function SkeletonTerms({ rows = 6 }: { rows?: number }) {
  return (
    <div className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm">
      {Array.from({ length: rows }, (_, row) => (
        <div key={row} className="grid grid-cols-3 gap-4 px-4 py-3">
          <SkeletonLine className="h-4 w-20" />
          <SkeletonLine className="col-span-2 h-4 w-40" />
        </div>
      ))}
    </div>
  );
}
