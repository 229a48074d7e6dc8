'use client';

import { lazy, Suspense, useId, useRef, useState } from 'react';
import type { KeyTerms } from './edit-key-form';

// The form (its fields and the form code) loads when "Edit key" is opened, not with the page.
// React's lazy, not next/dynamic: the form is never part of the server render, and next/dynamic
// would add its own loader code to the page.
const EditKeyForm = lazy(() => import('./edit-key-form').then((m) => ({ default: m.EditKeyForm })));

/**
 * "Edit key": a disclosure button (inside the section's heading) that opens a form for the key's
 * activations limit and expiry, with the create form's own fields and schema. A limit below the
 * activations in use is refused on its field; the page then shows the new terms and history.
 */
export function EditKeySection({ id, terms }: { id: string; terms: KeyTerms }) {
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState('');
  const toggle = useRef<HTMLButtonElement>(null);
  const headingId = useId();
  const panelId = useId();

  function close() {
    setOpen(false);
    toggle.current?.focus();
  }

  return (
    <section
      aria-labelledby={headingId}
      className="mt-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <h2 id={headingId} className="text-sm font-semibold text-slate-700">
        <button
          ref={toggle}
          type="button"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => {
            setSaved('');
            setOpen(!open);
          }}
          className="inline-flex items-center gap-2 rounded-md focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        >
          <span aria-hidden="true" className={`transition-transform ${open ? 'rotate-90' : ''}`}>
            ▸
          </span>
          Edit key
        </button>
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Change the activations limit or the expiry. The change applies at once and is recorded in
        the history.
      </p>
      <div id={panelId} hidden={!open} className="mt-4">
        {open ? (
          <Suspense>
            <EditKeyForm
              id={id}
              terms={terms}
              onStart={() => setSaved('')}
              onSaved={setSaved}
              onCancel={close}
            />
          </Suspense>
        ) : null}
      </div>
      <p role="status" className="mt-3 text-sm text-emerald-800 empty:hidden">
        {saved}
      </p>
    </section>
  );
}
