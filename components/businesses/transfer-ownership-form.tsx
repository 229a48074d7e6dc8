'use client';

import { unstable_rethrow } from 'next/navigation';
import {
  useEffect,
  useId,
  useRef,
  useState,
  useTransition,
  type FormEvent,
  type KeyboardEvent,
} from 'react';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { describedBy, inputClassName, labelClassName } from '@/components/ui/form-styles';
import { ROLE_LABELS, type MemberRole } from '@/lib/auth/permissions';
import { transferOwnershipAction } from '@/lib/businesses/actions';
import { transferOwnershipSchema } from '@/lib/businesses/schema';
import { FormAlert } from '@/components/ui/form-alert';

export type OwnerCandidate = { id: string; name: string; email: string; role: MemberRole };

/**
 * "New owner" and "Transfer ownership", then a confirmation step in place ("Yes, transfer
 * ownership" or "Cancel"/Escape). On success the action redirects to the members page.
 */
export function TransferOwnershipForm({ candidates }: { candidates: OwnerCandidate[] }) {
  const id = useId();
  const [membershipId, setMembershipId] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const selectRef = useRef<HTMLSelectElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const chosen = candidates.find((c) => c.id === membershipId);
  const errorId = `${id}-error`;

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  function ask(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = transferOwnershipSchema.safeParse({ membershipId });
    setFormError(null);
    if (!parsed.success) {
      setFieldError(parsed.error.issues[0]?.message);
      selectRef.current?.focus();
      return;
    }
    setFieldError(undefined);
    setConfirming(true);
  }

  function cancel() {
    if (pending) return;
    setConfirming(false);
    selectRef.current?.focus();
  }

  function transfer() {
    if (pending) return;
    startTransition(async () => {
      try {
        // On success the action redirects, so it only ever returns a failure.
        const failure = await transferOwnershipAction({ membershipId });
        if (failure.ok) return;
        setConfirming(false);
        setFieldError(failure.fieldErrors.membershipId?.[0]);
        setFormError(failure.formError ?? null);
        selectRef.current?.focus();
      } catch (error) {
        unstable_rethrow(error);
        setFormError('The server did not answer, so nothing changed. Try again.');
      }
    });
  }

  /** Escape on either button of the confirmation step cancels it. */
  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.key === 'Escape') cancel();
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
          ref={selectRef}
          value={membershipId}
          disabled={confirming}
          onChange={(event) => setMembershipId(event.target.value)}
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
        <div
          role="group"
          aria-labelledby={`${id}-question`}
          className="rounded-md border border-amber-300 bg-amber-50 p-4"
        >
          <p id={`${id}-question`} className="text-sm text-amber-950">
            Transfer ownership to {chosen.name}? They become an owner and you become an admin: you
            keep working with keys and members, but can no longer rename or transfer the business.
          </p>
          <div className="mt-3 flex flex-wrap gap-2">
            <Button ref={confirmRef} pending={pending} onClick={transfer} onKeyDown={onKeyDown}>
              Yes, transfer ownership
            </Button>
            <Button variant="secondary" onClick={cancel} onKeyDown={onKeyDown}>
              Cancel
            </Button>
          </div>
        </div>
      ) : (
        <Button type="submit">Transfer ownership</Button>
      )}
    </form>
  );
}
