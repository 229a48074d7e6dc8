'use client';

import { unstable_rethrow } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { joinBusinessAction } from '@/lib/members/actions';

/** For a signed-in person with the invited address: "Join <business>". */
export function JoinBusinessButton({
  token,
  businessName,
}: {
  token: string;
  businessName: string;
}) {
  const id = useId();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function join() {
    if (pending) return;
    setError(null);
    startTransition(async () => {
      try {
        // On success the action redirects to the dashboard, so it only ever returns a failure.
        const failure = await joinBusinessAction({ token });
        setError(failure.formError);
      } catch (caught) {
        unstable_rethrow(caught);
        setError('The server did not answer. Check your connection and try again.');
      }
    });
  }

  return (
    <div>
      {error ? (
        <div
          id={`${id}-error`}
          role="alert"
          className="mb-4 rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800"
        >
          {error}
        </div>
      ) : null}
      <Button
        pending={pending}
        onClick={join}
        aria-describedby={error ? `${id}-error` : undefined}
        className="w-full"
      >
        Join {businessName}
      </Button>
    </div>
  );
}
