'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { Controller } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { controlledProps } from '@/components/ui/controlled-props';
import { FormAlert } from '@/components/ui/form-alert';
import { useActionForm } from '@/components/ui/use-action-form';
import { formatInstant } from '@/lib/format';
import { updateLicenseKeyAction } from '@/lib/license-keys/actions';
import type { EditLicenseKeyField, EditLicenseKeyInput } from '@/lib/license-keys/schema';
import { ActivationsLimitField } from './activations-limit-field';
import { ExpiryField } from './expiry-field';

/** The fields in the order they appear: the first invalid one gets the focus. */
const FIELD_ORDER = ['activationsLimit', 'expiresAt'] as const satisfies EditLicenseKeyField[];

const NETWORK_ERROR_MESSAGE =
  'The key was not changed because the server did not answer. Check your connection and try again.';

/** The key's terms as stored: the page passes them, and passes them again after every change. */
type KeyTerms = { activationsLimit: number | null; expiresAt: string | null };

/** "Saved. 5 activations; expires on 1 Jun 2027, 09:30 UTC." */
function describeSaved({ activationsLimit, expiresAt }: EditLicenseKeyInput) {
  const limit =
    activationsLimit === null
      ? 'Unlimited activations'
      : `${activationsLimit.toLocaleString('en-US')} activation${activationsLimit === 1 ? '' : 's'}`;
  const expiry = expiresAt ? `expires on ${formatInstant(new Date(expiresAt))}` : 'never expires';
  return `Saved. ${limit}; ${expiry}.`;
}

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
          <EditKeyForm
            id={id}
            terms={terms}
            onStart={() => setSaved('')}
            onSaved={setSaved}
            onCancel={close}
          />
        ) : null}
      </div>
      <p role="status" className="mt-3 text-sm text-emerald-800 empty:hidden">
        {saved}
      </p>
    </section>
  );
}

function EditKeyForm({
  id,
  terms,
  onStart,
  onSaved,
  onCancel,
}: {
  id: string;
  terms: KeyTerms;
  onStart: () => void;
  onSaved: (message: string) => void;
  onCancel: () => void;
}) {
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: () => import('@/lib/license-keys/schema').then((m) => m.editLicenseKeySchema),
    defaultValues: terms,
    fields: FIELD_ORDER,
    action: (values: EditLicenseKeyInput) => updateLicenseKeyAction(id, values),
    onStart,
    onSuccess: (_result, values) => {
      form.reset(values);
      onSaved(describeSaved(values));
    },
    failureMessage: 'The key could not be changed. Try again.',
    networkErrorMessage: NETWORK_ERROR_MESSAGE,
  });
  const { control, reset } = form;
  const { activationsLimit, expiresAt } = terms;

  // The key changed under the open form (renewed, say): show its terms, keeping what was typed.
  useEffect(() => {
    reset({ activationsLimit, expiresAt }, { keepDirtyValues: true });
  }, [activationsLimit, expiresAt, reset]);

  return (
    <form noValidate onSubmit={onSubmit} className="max-w-[40rem] space-y-6">
      <FormAlert message={formError} />
      <Controller
        control={control}
        name="activationsLimit"
        render={(props) => (
          <ActivationsLimitField
            {...controlledProps(props)}
            label="Activations limit"
            hint="How many devices can activate this key at the same time. It cannot be lower than the activations in use."
          />
        )}
      />
      <Controller
        control={control}
        name="expiresAt"
        render={(props) => <ExpiryField {...controlledProps(props)} />}
      />
      <div className="flex items-center gap-3 border-t border-slate-200 pt-5">
        <Button type="submit" pending={pending}>
          Save changes
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
