'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
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
  const toggleRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const errorId = useId();
  const warningId = useId();

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (returnFocus.current) toggleRef.current?.focus();
    returnFocus.current = false;
  }, [confirming, disabled]);

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
        returnFocus.current = true;
        setConfirming(false);
        setAnnouncement(nextDisabled ? 'The key is now disabled.' : 'The key is now enabled.');
      },
    );
  }

  function cancel() {
    returnFocus.current = true;
    setError(null);
    setConfirming(false);
  }

  return (
    <div className="space-y-3">
      {confirming ? (
        <div className="space-y-3 rounded-md border border-red-200 bg-red-50 p-3">
          <p id={warningId} className="text-sm text-red-900">
            Disable this key now? Activating or validating it will fail until it is enabled again.
          </p>
          <div className="flex flex-wrap gap-2">
            <Button
              ref={confirmRef}
              variant="danger"
              pending={pending}
              onClick={() => change(true)}
              aria-describedby={error ? `${warningId} ${errorId}` : warningId}
            >
              Confirm disable
            </Button>
            <Button variant="secondary" onClick={cancel}>
              Cancel
            </Button>
          </div>
        </div>
      ) : (
        <Button
          ref={toggleRef}
          variant="secondary"
          pending={pending}
          aria-describedby={error ? errorId : undefined}
          onClick={() => (disabled ? change(false) : setConfirming(true))}
        >
          {disabled ? 'Enable key' : 'Disable key'}
        </Button>
      )}
      {error ? (
        <p id={errorId} role="alert" className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
      <p role="status" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
