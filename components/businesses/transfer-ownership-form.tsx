'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { useWatch } from '@/components/ui/use-form';
import { Button } from '@/components/ui/button';
import { ConfirmPanel } from '@/components/ui/confirm-panel';
import { FieldError } from '@/components/ui/field-error';
import { FormAlert } from '@/components/ui/form-alert';
import { describedBy, inputClassName, labelClassName } from '@/components/ui/form-styles';
import { useActionForm } from '@/components/ui/use-action-form';
import { ROLE_LABELS, type MemberRole } from '@/lib/auth/permissions';
import { transferOwnershipAction } from '@/lib/businesses/actions';

export type OwnerCandidate = { id: string; name: string; email: string; role: MemberRole };

/**
 * "New owner" and "Transfer ownership", then a confirmation step in place ("Yes, transfer
 * ownership" or "Cancel"/Escape). On success the action redirects to the members page.
 */
export function TransferOwnershipForm({ candidates }: { candidates: OwnerCandidate[] }) {
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: () => import('@/lib/businesses/schema').then((m) => m.transferOwnershipSchema),
    defaultValues: { membershipId: '' },
    fields: ['membershipId'],
    // On success the action redirects to the members page.
    action: transferOwnershipAction,
    onFailure: () => setConfirming(false),
    networkErrorMessage: 'The server did not answer, so nothing changed. Try again.',
  });
  const { control, register, setFocus, handleSubmit, formState } = form;
  const membershipId = useWatch({ control, name: 'membershipId' });
  const chosen = candidates.find((c) => c.id === membershipId);
  const fieldError = formState.errors.membershipId?.message;
  const errorId = `${id}-error`;

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (returnFocus.current) setFocus('membershipId');
    returnFocus.current = false;
  }, [confirming, setFocus]);

  /** The first step: a valid choice asks for confirmation. */
  const ask = handleSubmit(
    () => setConfirming(true),
    () => setFocus('membershipId'),
  );

  function cancel() {
    returnFocus.current = true;
    setConfirming(false);
  }

  return (
    <form noValidate onSubmit={ask} className="max-w-[32rem] space-y-4">
      <FormAlert message={formError} />
      <div>
        <label htmlFor={`${id}-owner`} className={labelClassName}>
          New owner
        </label>
        <select
          id={`${id}-owner`}
          {...register('membershipId')}
          disabled={confirming}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={describedBy(fieldError && errorId)}
          className={inputClassName(Boolean(fieldError))}
        >
          <option value="">Choose a member…</option>
          {candidates.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} ({c.email}), {ROLE_LABELS[c.role]}
            </option>
          ))}
        </select>
        <FieldError id={errorId} message={fieldError} />
      </div>
      {confirming && chosen ? (
        <ConfirmPanel
          question={`Transfer ownership to ${chosen.name}? They become an owner and you become an admin: you keep working with keys and members, but can no longer rename or transfer the business.`}
          confirmLabel="Yes, transfer ownership"
          onConfirm={onSubmit}
          onCancel={cancel}
          pending={pending}
          confirmRef={confirmRef}
          tone="warning"
        />
      ) : (
        <Button type="submit">Transfer ownership</Button>
      )}
    </form>
  );
}
