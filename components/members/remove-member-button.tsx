'use client';

import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmPanel, useConfirmFocus } from '@/components/ui/confirm-panel';
import { FieldError } from '@/components/ui/field-error';
import { useServerAction } from '@/components/ui/use-server-action';
import { removeMemberAction } from '@/lib/members/actions';

type Props = { membershipId: string; name: string; isSelf: boolean; businessName: string };

/**
 * "Remove <name>", then a confirmation step in place: "Yes, remove <name>" or "Cancel" (or Escape).
 * The focus moves to the confirming button and, on cancel, back to "Remove <name>".
 */
export function RemoveMemberButton({ membershipId, name, isSelf, businessName }: Props) {
  const errorId = useId();
  const [confirming, setConfirming] = useState(false);
  const { run, pending, error, setError } = useServerAction(
    'The server did not answer. Try again.',
  );
  const { confirmRef, askRef, returnFocus } = useConfirmFocus(confirming);

  function remove() {
    run(
      () => removeMemberAction({ membershipId }), // leaving the business redirects
      (result) => {
        if (!result.ok) setError(result.formError);
      },
    );
  }

  const errorLine = <FieldError id={errorId} message={error ?? undefined} />;

  if (!confirming) {
    return (
      <div>
        <Button ref={askRef} variant="secondary" size="sm" onClick={() => setConfirming(true)}>
          Remove {name}
        </Button>
        {errorLine}
      </div>
    );
  }
  return (
    <ConfirmPanel
      question={
        isSelf
          ? `Leave ${businessName}? You lose access to it at once.`
          : `Remove ${name} from ${businessName}? They lose access at once.`
      }
      confirmLabel={`Yes, remove ${name}`}
      onConfirm={remove}
      onCancel={() => {
        returnFocus();
        setConfirming(false);
      }}
      pending={pending}
      confirmRef={confirmRef}
      errorId={error ? errorId : undefined}
      size="sm"
    >
      {errorLine}
    </ConfirmPanel>
  );
}
