import Link from 'next/link';

const linkClassName =
  'rounded-md px-3 py-1.5 text-sm font-medium text-indigo-700 ring-1 ring-slate-300 ring-inset hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600';
const inactiveClassName = 'rounded-md px-3 py-1.5 text-sm text-slate-500';

type Props = {
  /** The navigation's accessible name ("Customer pages"). */
  label: string;
  /** Where "Previous page" and "Next page" go, or null at that end of the list. */
  previousHref: string | null;
  nextHref: string | null;
};

/** "Previous page" and "Next page" of a cursor-paged list; at either end the word without a link. */
export function PageLinks({ label, previousHref, nextHref }: Props) {
  if (!previousHref && !nextHref) return null;
  return (
    <nav aria-label={label} className="mt-4 flex items-center justify-between gap-4">
      {previousHref ? (
        <Link href={previousHref} rel="prev" className={linkClassName}>
          Previous page
        </Link>
      ) : (
        <span aria-disabled="true" className={inactiveClassName}>
          Previous page
        </span>
      )}
      {nextHref ? (
        <Link href={nextHref} rel="next" className={linkClassName}>
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
