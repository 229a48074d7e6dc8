/** The customer page's shape while it loads: heading, details, the key table and the edit form. */
export default function CustomerLoading() {
  const bar = 'animate-pulse rounded bg-slate-200';
  return (
    <div className="max-w-6xl" aria-busy="true">
      <p className="sr-only" role="status">
        Loading the customer…
      </p>
      <div aria-hidden="true">
        <div className={`${bar} mb-3 h-4 w-24`} />
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div className={`${bar} h-8 w-64 max-w-full`} />
          <div className={`${bar} h-9 w-28`} />
        </div>
        <div className="mt-4 max-w-2xl space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          {['w-1/2', 'w-2/5', 'w-3/5'].map((width) => (
            <div key={width} className="flex gap-6">
              <div className={`${bar} h-4 w-16`} />
              <div className={`${bar} h-4 ${width}`} />
            </div>
          ))}
        </div>
        <div className={`${bar} mt-8 h-6 w-32`} />
        <div className="mt-3 overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
          {[0, 1, 2, 3, 4].map((row) => (
            <div key={row} className="flex gap-4 border-b border-slate-100 px-4 py-3 last:border-0">
              <div className={`${bar} h-4 w-40`} />
              <div className={`${bar} h-4 w-24`} />
              <div className={`${bar} h-4 w-16`} />
              <div className={`${bar} hidden h-4 w-32 sm:block`} />
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
