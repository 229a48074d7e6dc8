'use client';

import { useEffect } from 'react';
import { Controller } from '@/components/ui/use-form';
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
export type KeyTerms = { activationsLimit: number | null; expiresAt: string | null };

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
 * The form of "Edit key" (./edit-key-section.tsx loads it when the section is opened): the key's
 * activations limit and expiry, with the create form's own fields and schema.
 */
export function EditKeyForm({
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
