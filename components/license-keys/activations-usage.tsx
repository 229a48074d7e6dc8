import { formatActivations } from '@/lib/format';

/** "2 of 5" with a small bar; unlimited keys show the count alone. */
export function ActivationsUsage({ used, limit }: { used: number; limit: number | null }) {
  const text = formatActivations(used, limit);
  if (limit === null) return <span>{text}</span>;
  const share = limit === 0 ? 1 : Math.min(used / limit, 1);
  const full = used >= limit;
  return (
    <span className="inline-flex items-center gap-2">
      <span>{text}</span>
      <span
        aria-hidden="true"
        className="relative h-1.5 w-16 overflow-hidden rounded-full bg-slate-200"
      >
        <span
          className={`absolute inset-y-0 left-0 rounded-full ${full ? 'bg-amber-500' : 'bg-emerald-500'}`}
          style={{ width: `${Math.round(share * 100)}%` }}
        />
      </span>
    </span>
  );
}
