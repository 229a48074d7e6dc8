import type { ReactNode } from 'react';

const tones = {
  green: 'bg-emerald-50 text-emerald-800 ring-emerald-600/30',
  amber: 'bg-amber-50 text-amber-900 ring-amber-600/30',
  red: 'bg-rose-50 text-rose-800 ring-rose-600/30',
  slate: 'bg-slate-100 text-slate-800 ring-slate-500/30',
  blue: 'bg-sky-50 text-sky-900 ring-sky-600/30',
  violet: 'bg-violet-50 text-violet-900 ring-violet-600/30',
} as const;

export type BadgeTone = keyof typeof tones;

/** A small label with a coloured dot; the text carries the meaning, the colour only helps. */
export function Badge({ tone, children }: { tone: BadgeTone; children: ReactNode }) {
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tones[tone]}`}
    >
      <span aria-hidden="true" className="size-1.5 rounded-full bg-current" />
      {children}
    </span>
  );
}
