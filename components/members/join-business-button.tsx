'use client';

import { useId } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { useServerAction } from '@/components/ui/use-server-action';
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
  const { run, pending, error, setError } = useServerAction();

  function join() {
    // On success the action redirects to the dashboard, so it only ever returns a failure.
    run(
      () => joinBusinessAction({ token }),
      (failure) => setError(failure.formError),
    );
  }

  return (
    <div className="space-y-4">
      <FormAlert id={`${id}-error`} message={error} />
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
