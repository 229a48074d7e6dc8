import Link from 'next/link';
import { RANGE_LABELS } from '@/lib/overview/labels';
import { OVERVIEW_RANGES, type OverviewRange } from '@/lib/overview/types';

/**
 * The charts' span: links (`/?range=90d`), so that the choice lives in the URL, works before any
 * script runs and by keyboard like any link; the current one is marked for assistive technology.
 */
export function RangeSwitch({ range }: { range: OverviewRange }) {
  return (
    <nav aria-label="Chart range">
      <ul className="inline-flex gap-1 rounded-lg bg-slate-100 p-1">
        {OVERVIEW_RANGES.map((value) => {
          const current = value === range;
          return (
            <li key={value}>
              <Link
                href={value === '30d' ? '/' : `/?range=${value}`}
                scroll={false}
                aria-current={current ? 'true' : undefined}
                className={`block rounded-md px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 ${
                  current ? 'bg-slate-900 text-white' : 'text-slate-700 hover:bg-white'
                }`}
              >
                {RANGE_LABELS[value]}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
