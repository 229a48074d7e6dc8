'use client';

import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { useServerAction } from '@/components/ui/use-server-action';
import { formatInstant } from '@/lib/format';
import { renewLicenseKeyAction } from '@/lib/license-keys/actions';

const NETWORK_ERROR_MESSAGE =
  'The key was not renewed because the server did not answer. Check your connection and try again.';

/**
 * "Renew for 1 year": extends the key's expiry by its product's key lifetime. The server computes
 * the new expiry; the page re-renders with it and its history, and a status message says it.
 */
export function RenewKeyButton({ id, label }: { id: string; label: string }) {
  const [announcement, setAnnouncement] = useState('');
  const { run, pending, error, setError } = useServerAction(NETWORK_ERROR_MESSAGE);
  const errorId = useId();

  function renew() {
    setAnnouncement('');
    run(
      () => renewLicenseKeyAction(id),
      (result) => {
        if (!result.ok) {
          setError(result.formError);
          return;
        }
        setAnnouncement(
          result.expiresAt
            ? `Renewed. The key now expires on ${formatInstant(new Date(result.expiresAt))}.`
            : 'Renewed.',
        );
      },
    );
  }

  return (
    <div className="space-y-3">
      <Button
        variant="secondary"
        pending={pending}
        aria-describedby={error ? errorId : undefined}
        onClick={renew}
      >
        {label}
      </Button>
      <FieldError id={errorId} message={error ?? undefined} />
      <p role="status" className="text-sm text-emerald-800 empty:hidden">
        {announcement}
      </p>
    </div>
  );
}
