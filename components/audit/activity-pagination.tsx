import Link from 'next/link';

const linkClassName =
  'rounded-md px-3 py-1.5 text-sm font-medium text-indigo-700 ring-1 ring-slate-300 ring-inset hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600';
const inactiveClassName = 'rounded-md px-3 py-1.5 text-sm text-slate-500';

function pageHref(basePath: string, page: number) {
  return page === 1 ? basePath : `${basePath}?page=${page}`;
}

/** "Newer" (towards page 1) and "Older" links around "Page N of M". */
export function ActivityPagination({
  page,
  pageCount,
  basePath = '/activity',
}: {
  page: number;
  pageCount: number;
  basePath?: string;
}) {
  return (
    <nav aria-label="Activity pages" className="mt-4 flex items-center justify-between gap-4">
      {page > 1 ? (
        <Link href={pageHref(basePath, page - 1)} rel="prev" className={linkClassName}>
          Newer
        </Link>
      ) : (
        <span aria-disabled="true" className={inactiveClassName}>
          Newer
        </span>
      )}
      <p className="text-sm text-slate-600">
        Page {page} of {pageCount}
      </p>
      {page < pageCount ? (
        <Link href={pageHref(basePath, page + 1)} rel="next" className={linkClassName}>
          Older
        </Link>
      ) : (
        <span aria-disabled="true" className={inactiveClassName}>
          Older
        </span>
      )}
    </nav>
  );
}
