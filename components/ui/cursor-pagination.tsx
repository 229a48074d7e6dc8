import Link from 'next/link';

const linkClassName =
  'rounded-md px-3 py-1.5 text-sm font-medium text-indigo-700 ring-1 ring-slate-300 ring-inset hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600';
const inactiveClassName = 'rounded-md px-3 py-1.5 text-sm text-slate-500';

/**
 * "Previous page" and "Next page" links of a keyset-paged list (their hrefs carry the cursors), or
 * the same words greyed out at either end. Hidden when the list fits on one page.
 */
export function CursorPagination({
  label,
  previous,
  next,
}: {
  /** The navigation landmark's name: "License key pages". */
  label: string;
  previous: string | null;
  next: string | null;
}) {
  if (!previous && !next) return null;
  return (
    <nav aria-label={label} className="mt-4 flex items-center justify-between gap-4">
      {previous ? (
        <Link href={previous} rel="prev" className={linkClassName}>
          Previous page
        </Link>
      ) : (
        <span aria-disabled="true" className={inactiveClassName}>
          Previous page
        </span>
      )}
      {next ? (
        <Link href={next} rel="next" className={linkClassName}>
          Next page
        </Link>
      ) : (
        <span aria-disabled="true" className={inactiveClassName}>
          Next page
        </span>
      )}
    </nav>
  );
}
