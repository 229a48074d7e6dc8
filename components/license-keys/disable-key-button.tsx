'use client';

import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmPanel, useConfirmFocus } from '@/components/ui/confirm-panel';
import { FieldError } from '@/components/ui/field-error';
import { useServerAction } from '@/components/ui/use-server-action';
import { setLicenseKeyDisabledAction } from '@/lib/license-keys/actions';

const NETWORK_ERROR_MESSAGE =
  'The key could not be changed because the server did not answer. Check your connection and try again.';

/**
 * "Disable key" (asks "Confirm disable" first: apps using the key stop validating) or "Enable key"
 * (at once). The page re-renders with the new status and history when the action succeeds.
 */
export function DisableKeyButton({ id, disabled }: { id: string; disabled: boolean }) {
  const [confirming, setConfirming] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const { run, pending, error, setError } = useServerAction(NETWORK_ERROR_MESSAGE);
  const { confirmRef, askRef, returnFocus } = useConfirmFocus(confirming);
  const errorId = useId();

  function change(nextDisabled: boolean) {
    if (pending) return;
    setAnnouncement('');
    run(
      () => setLicenseKeyDisabledAction(id, nextDisabled),
      (failure) => {
        if (failure) {
          setError(failure.formError);
          return;
        }
        returnFocus();
        setConfirming(false);
        setAnnouncement(nextDisabled ? 'The key is now disabled.' : 'The key is now enabled.');
      },
    );
  }

  function cancel() {
    returnFocus();
    setError(null);
    setConfirming(false);
  }

  return (
    <div className="space-y-3">
      {confirming ? (
        <ConfirmPanel
          question="Disable this key now? Activating or validating it will fail until it is enabled again."
          confirmLabel="Confirm disable"
          onConfirm={() => change(true)}
          onCancel={cancel}
          pending={pending}
          confirmRef={confirmRef}
          errorId={error ? errorId : undefined}
        />
      ) : (
        <Button
          ref={askRef}
          variant="secondary"
          pending={pending}
          aria-describedby={error ? errorId : undefined}
          onClick={() => (disabled ? change(false) : setConfirming(true))}
        >
          {disabled ? 'Enable key' : 'Disable key'}
        </Button>
      )}
      <FieldError id={errorId} message={error ?? undefined} />
      <p role="status" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
