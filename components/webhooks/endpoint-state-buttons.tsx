'use client';

import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmPanel, useConfirmFocus } from '@/components/ui/confirm-panel';
import { FieldError } from '@/components/ui/field-error';
import { useServerAction } from '@/components/ui/use-server-action';
import {
  deleteWebhookEndpointAction,
  setWebhookEndpointDisabledAction,
} from '@/lib/webhooks/actions';

const NETWORK_ERROR_MESSAGE =
  'The server did not answer, so nothing changed. Check your connection and try again.';

/** "Disable endpoint" / "Enable endpoint", at once; the page then shows the new status. */
export function EndpointEnableButton({ id, disabled }: { id: string; disabled: boolean }) {
  const [announcement, setAnnouncement] = useState('');
  const { run, pending, error, setError } = useServerAction(NETWORK_ERROR_MESSAGE);
  const errorId = useId();

  function change() {
    setAnnouncement('');
    run(
      () => setWebhookEndpointDisabledAction(id, !disabled),
      (result) => {
        if (!result.ok) setError(result.formError);
        else {
          setAnnouncement(
            disabled ? 'Endpoint enabled.' : 'Endpoint disabled: Keydesk sends it no events.',
          );
        }
      },
    );
  }

  return (
    <div className="space-y-2">
      <Button
        variant="secondary"
        pending={pending}
        aria-describedby={error ? errorId : undefined}
        onClick={change}
      >
        {disabled ? 'Enable endpoint' : 'Disable endpoint'}
      </Button>
      <FieldError id={errorId} message={error ?? undefined} />
      <p role="status" className="text-sm text-slate-700 empty:hidden">
        {announcement}
      </p>
    </div>
  );
}

/** "Delete endpoint", confirmed first; then the list of endpoints, which says so. */
export function DeleteEndpointButton({ id }: { id: string }) {
  const [confirming, setConfirming] = useState(false);
  const { run, pending, error, setError } = useServerAction(NETWORK_ERROR_MESSAGE);
  const { confirmRef, askRef, returnFocus } = useConfirmFocus(confirming);
  const errorId = useId();

  function remove() {
    run(
      () => deleteWebhookEndpointAction(id),
      // On success the action redirects, so only a failure answers.
      (result) => setError(result.formError),
    );
  }

  return (
    <div className="space-y-2">
      {confirming ? (
        <ConfirmPanel
          question="Delete this endpoint? Keydesk stops sending it events at once, and its delivery log is deleted. This cannot be undone."
          confirmLabel="Yes, delete endpoint"
          onConfirm={remove}
          onCancel={() => {
            returnFocus();
            setError(null);
            setConfirming(false);
          }}
          pending={pending}
          confirmRef={confirmRef}
          errorId={error ? errorId : undefined}
          className="max-w-[40rem]"
        />
      ) : (
        <Button ref={askRef} variant="danger" onClick={() => setConfirming(true)}>
          Delete endpoint
        </Button>
      )}
      <FieldError id={errorId} message={error ?? undefined} />
    </div>
  );
}
