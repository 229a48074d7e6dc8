'use client';

import { useId, useRef } from 'react';
import { Button } from '@/components/ui/button';
import { useServerAction } from '@/components/ui/use-server-action';
import { revokeApiKeyAction } from '@/lib/api-keys/actions';

const NETWORK_ERROR_MESSAGE =
  'The API key could not be revoked because the server did not answer. Check your connection and try again.';

/**
 * "Revoke <name>" opens a modal dialog asking to confirm, because revoking cannot be undone. The
 * dialog opens with the focus on Cancel (the harmless choice); Escape closes it and the browser
 * returns the focus to the button (neither Escape nor Cancel closes it while the revoke runs). On
 * success the list re-renders with the key shown as revoked.
 */
export function RevokeApiKeyButton({ id, name }: { id: string; name: string }) {
  const { run, pending, error, setError } = useServerAction(NETWORK_ERROR_MESSAGE);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const headingId = useId();
  const warningId = useId();
  const errorId = useId();

  function open() {
    setError(null);
    dialogRef.current?.showModal();
    cancelRef.current?.focus();
  }

  function revoke() {
    run(
      () => revokeApiKeyAction(id),
      (failure) => {
        if (failure) setError(failure.formError);
        else dialogRef.current?.close();
      },
    );
  }

  return (
    <>
      <Button variant="secondary" onClick={open}>
        Revoke<span className="sr-only"> {name}</span>
      </Button>
      <dialog
        ref={dialogRef}
        aria-labelledby={headingId}
        aria-describedby={warningId}
        // Escape closes a dialog: not while the revoke runs, so its outcome stays in view.
        onCancel={(event) => {
          if (pending) event.preventDefault();
        }}
        className="m-auto w-full max-w-md rounded-lg bg-white p-6 text-left shadow-xl backdrop:bg-slate-900/40"
      >
        <h2 id={headingId} className="text-lg font-semibold text-slate-900">
          Revoke “{name}”?
        </h2>
        <p id={warningId} className="mt-2 text-sm text-slate-700">
          Apps using this API key stop working at once. This cannot be undone; you can create a new
          key instead.
        </p>
        {error ? (
          <p id={errorId} role="alert" className="mt-3 text-sm font-medium text-red-700">
            {error}
          </p>
        ) : null}
        <div className="mt-5 flex flex-wrap justify-end gap-3">
          <Button
            ref={cancelRef}
            variant="secondary"
            onClick={() => {
              if (!pending) dialogRef.current?.close();
            }}
          >
            Cancel
          </Button>
          <Button
            variant="danger"
            pending={pending}
            onClick={revoke}
            aria-describedby={error ? errorId : undefined}
          >
            Confirm revoke<span className="sr-only"> {name}</span>
          </Button>
        </div>
      </dialog>
    </>
  );
}
