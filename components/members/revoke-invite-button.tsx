'use client';

import { useId } from 'react';
import { Button } from '@/components/ui/button';
import { useServerAction } from '@/components/ui/use-server-action';
import { revokeInviteAction } from '@/lib/members/actions';

/** "Revoke invite for <email>": the link stops working at once. */
export function RevokeInviteButton({ inviteId, email }: { inviteId: string; email: string }) {
  const id = useId();
  const { run, pending, error, setError } = useServerAction(
    'The server did not answer. Try again.',
  );

  function revoke() {
    run(
      () => revokeInviteAction({ inviteId }),
      (result) => {
        if (!result.ok) setError(result.formError);
      },
    );
  }

  return (
    <div>
      <Button
        variant="secondary"
        pending={pending}
        onClick={revoke}
        aria-describedby={error ? `${id}-error` : undefined}
        size="sm"
      >
        Revoke invite<span className="sr-only"> for {email}</span>
      </Button>
      {error ? (
        <p id={`${id}-error`} role="alert" className="mt-1 text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
