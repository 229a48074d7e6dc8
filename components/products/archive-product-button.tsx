'use client';

import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmPanel, useConfirmFocus } from '@/components/ui/confirm-panel';
import { FieldError } from '@/components/ui/field-error';
import { useServerAction } from '@/components/ui/use-server-action';
import { setProductArchivedAction } from '@/lib/products/actions';

const NETWORK_ERROR_MESSAGE =
  'The product could not be changed because the server did not answer. Check your connection and try again.';

type Props = { id: string; name: string; archived: boolean };

/**
 * "Archive <name>" (asks "Yes, archive <name>" first: the product leaves the key form's picker)
 * or "Unarchive <name>" (at once). The list re-renders with the product's new state.
 */
export function ArchiveProductButton({ id, name, archived }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const { run, pending, error, setError } = useServerAction(NETWORK_ERROR_MESSAGE);
  const { confirmRef, askRef, returnFocus } = useConfirmFocus(confirming);
  const errorId = useId();

  function change(nextArchived: boolean) {
    if (pending) return;
    setAnnouncement('');
    run(
      () => setProductArchivedAction(id, nextArchived),
      (result) => {
        if (!result.ok) {
          setError(result.formError);
          return;
        }
        returnFocus();
        setConfirming(false);
        setAnnouncement(nextArchived ? `${name} is archived.` : `${name} is no longer archived.`);
      },
    );
  }

  function cancel() {
    returnFocus();
    setError(null);
    setConfirming(false);
  }

  return (
    <div className="inline-flex flex-col items-end gap-2 text-left">
      {confirming ? (
        <ConfirmPanel
          question={`Archive ${name}? It leaves the product picker and takes no new keys. Its keys keep working, and you can unarchive it.`}
          confirmLabel={`Yes, archive ${name}`}
          onConfirm={() => change(true)}
          onCancel={cancel}
          pending={pending}
          confirmRef={confirmRef}
          errorId={error ? errorId : undefined}
          tone="warning"
          size="sm"
          className="max-w-72"
        />
      ) : (
        <Button
          ref={askRef}
          variant="secondary"
          size="sm"
          pending={pending}
          aria-describedby={error ? errorId : undefined}
          onClick={() => (archived ? change(false) : setConfirming(true))}
        >
          {archived ? 'Unarchive' : 'Archive'}
          <span className="sr-only"> {name}</span>
        </Button>
      )}
      <FieldError id={errorId} message={error ?? undefined} />
      <p role="status" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
