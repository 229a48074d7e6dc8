'use client';

import { useId, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { revokeInviteAction } from '@/lib/members/actions';

/** "Revoke invite for <email>": the link stops working at once. */
export function RevokeInviteButton({ inviteId, email }: { inviteId: string; email: string }) {
  const id = useId();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function revoke() {
    if (pending) return;
    setError(null);
    startTransition(async () => {
      try {
        const result = await revokeInviteAction({ inviteId });
        if (!result.ok) setError(result.formError ?? null);
      } catch {
        setError('The server did not answer. Try again.');
      }
    });
  }

  return (
    <div>
      <Button
        variant="secondary"
        pending={pending}
        onClick={revoke}
        aria-describedby={error ? `${id}-error` : undefined}
        className="px-3 py-1.5"
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
