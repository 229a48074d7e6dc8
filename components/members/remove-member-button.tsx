'use client';

import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Button } from '@/components/ui/button';
import { useServerAction } from '@/components/ui/use-server-action';
import { removeMemberAction } from '@/lib/members/actions';

type Props = { membershipId: string; name: string; isSelf: boolean; businessName: string };

/**
 * "Remove <name>", then a confirmation step in place: "Yes, remove <name>" or "Cancel" (or Escape).
 * The focus moves to the confirming button and, on cancel, back to "Remove <name>".
 */
export function RemoveMemberButton({ membershipId, name, isSelf, businessName }: Props) {
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const { run, pending, error, setError } = useServerAction(
    'The server did not answer. Try again.',
  );
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (returnFocus.current) openRef.current?.focus();
    returnFocus.current = false;
  }, [confirming]);

  function cancel() {
    if (pending) return;
    returnFocus.current = true;
    setConfirming(false);
  }

  function remove() {
    run(
      () => removeMemberAction({ membershipId }), // leaving the business redirects
      (result) => {
        if (!result.ok) setError(result.formError);
      },
    );
  }

  /** Escape on either button of the confirmation step cancels it. */
  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.key === 'Escape') cancel();
  }

  const errorLine = error ? (
    <p id={`${id}-error`} role="alert" className="mt-1 text-sm font-medium text-red-700">
      {error}
    </p>
  ) : null;

  if (!confirming) {
    return (
      <div>
        <Button ref={openRef} variant="secondary" size="sm" onClick={() => setConfirming(true)}>
          Remove {name}
        </Button>
        {errorLine}
      </div>
    );
  }
  return (
    <div
      role="group"
      aria-labelledby={`${id}-question`}
      className="rounded-md border border-red-200 bg-red-50 p-3"
    >
      <p id={`${id}-question`} className="text-sm text-red-900">
        {isSelf
          ? `Leave ${businessName}? You lose access to it at once.`
          : `Remove ${name} from ${businessName}? They lose access at once.`}
      </p>
      <div className="mt-2 flex flex-wrap gap-2">
        <Button
          ref={confirmRef}
          onKeyDown={onKeyDown}
          pending={pending}
          aria-describedby={error ? `${id}-error` : undefined}
          onClick={remove}
          size="sm"
        >
          Yes, remove {name}
        </Button>
        <Button variant="secondary" size="sm" onClick={cancel} onKeyDown={onKeyDown}>
          Cancel
        </Button>
      </div>
      {errorLine}
    </div>
  );
}
