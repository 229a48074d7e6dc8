'use client';

import { useEffect, useId, useRef, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { setLicenseKeyDisabledAction } from '@/lib/license-keys/actions';

const NETWORK_ERROR_MESSAGE =
  'The key could not be changed because the server did not answer. Check your connection and try again.';

/**
 * "Disable key" (asks "Confirm disable" first: apps using the key stop validating) or "Enable key"
 * (at once). The page re-renders with the new status and history when the action succeeds.
 */
export function DisableKeyButton({ id, disabled }: { id: string; disabled: boolean }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [pending, startTransition] = useTransition();
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
    setError(null);
    setAnnouncement('');
    startTransition(async () => {
      try {
        const failure = await setLicenseKeyDisabledAction(id, nextDisabled);
        if (failure) {
          setError(failure.formError ?? null);
          return;
        }
        returnFocus.current = true;
        setConfirming(false);
        setAnnouncement(nextDisabled ? 'The key is now disabled.' : 'The key is now enabled.');
      } catch {
        setError(NETWORK_ERROR_MESSAGE);
      }
    });
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
            <button
              ref={confirmRef}
              type="button"
              onClick={() => change(true)}
              aria-busy={pending || undefined}
              aria-disabled={pending || undefined}
              aria-describedby={error ? `${warningId} ${errorId}` : warningId}
              className="inline-flex items-center gap-2 rounded-md bg-red-700 px-4 py-2 text-sm font-semibold text-white shadow-xs hover:bg-red-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700 aria-disabled:cursor-wait"
            >
              {pending ? <Spinner /> : null}
              Confirm disable
            </button>
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
