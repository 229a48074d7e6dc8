// Class names shared by the form controls, so every field looks and focuses the same way.

export const labelClassName = 'block text-sm font-medium text-slate-900';

export const hintClassName = 'mt-1 text-sm text-slate-600';

/** A text-like input: visible focus ring, red border when invalid, greyed when disabled. */
export function inputClassName(invalid: boolean, extra = '') {
  const border = invalid
    ? 'border-red-600 focus-visible:outline-red-600'
    : 'border-slate-400 focus-visible:outline-indigo-600';
  return [
    'mt-1 block w-full rounded-md border bg-white px-3 py-1.5 text-sm text-slate-900 shadow-xs',
    'placeholder:text-slate-500 focus-visible:outline-2 focus-visible:outline-offset-1',
    'disabled:cursor-not-allowed disabled:bg-slate-100 disabled:text-slate-600',
    border,
    extra,
  ].join(' ');
}

export const checkboxClassName =
  'size-4 rounded border-slate-400 text-indigo-600 accent-indigo-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600';

/** The ids a control's aria-describedby lists: its hint, then its error when there is one. */
export function describedBy(...ids: (string | false | null | undefined)[]) {
  const present = ids.filter(Boolean);
  return present.length ? present.join(' ') : undefined;
}
