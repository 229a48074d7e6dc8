import { unstable_rethrow } from 'next/navigation';
import { useState, useTransition } from 'react';

export const NETWORK_ERROR_MESSAGE =
  'The server did not answer. Check your connection and try again.';

/**
 * Calls server actions from a button or a form. `run` calls the action in a transition, so
 * `pending` is true until `handle` is done with its answer; a call while one is pending is ignored. When the
 * call itself fails (no answer, a server crash) `error` holds `networkErrorMessage`; Next's
 * redirect, notFound and forbidden travel as errors too and are rethrown for the router.
 */
export function useServerAction(networkErrorMessage = NETWORK_ERROR_MESSAGE) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function run<T>(call: () => Promise<T>, handle: (result: T) => void | Promise<void>) {
    if (pending) return;
    setError(null);
    startTransition(async () => {
      let result: T;
      try {
        result = await call();
      } catch (caught) {
        unstable_rethrow(caught); // a redirect after success: let the router have it
        setError(networkErrorMessage);
        return;
      }
      await handle(result); // still pending while the answer is handled (a refetch, say)
    });
  }

  return { run, pending, error, setError };
}
