'use client';

import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { useServerAction } from '@/components/ui/use-server-action';
import {
  resendWebhookDeliveryAction,
  sendTestWebhookEventAction,
} from '@/lib/webhooks/actions-deliveries';

// The delivery log's two actions. Each says what happened next to its button, in a live region,
// and the log re-renders (the action revalidates the page) with the new delivery or attempt.

function Outcome({ id, error, done }: { id: string; error: string | null; done: string | null }) {
  return (
    <span id={id} role="status" className="text-sm">
      {error ? (
        <span role="alert" className="font-medium text-red-700">
          {error}
        </span>
      ) : (
        <span className="text-slate-600">{done}</span>
      )}
    </span>
  );
}

/** "Send test event": a webhook.test event to this endpoint only. */
export function SendTestEventButton({ endpointId }: { endpointId: string }) {
  const { run, pending, error, setError } = useServerAction();
  const [done, setDone] = useState<string | null>(null);
  const outcomeId = useId();
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button
        variant="secondary"
        pending={pending}
        aria-describedby={outcomeId}
        onClick={() => {
          setDone(null);
          run(
            () => sendTestWebhookEventAction(endpointId),
            (result) => {
              if (!result.ok) setError(result.formError);
              else setDone('Test event queued: it appears in the log below.');
            },
          );
        }}
      >
        Send test event
      </Button>
      <Outcome id={outcomeId} error={error} done={done} />
    </div>
  );
}

/** "Resend" on one delivery of the log. */
export function ResendDeliveryButton({
  endpointId,
  deliveryId,
  eventLabel,
}: {
  endpointId: string;
  deliveryId: string;
  /** Names the delivery for screen readers: "Resend license_key.created msg_…". */
  eventLabel: string;
}) {
  const { run, pending, error, setError } = useServerAction();
  const [done, setDone] = useState<string | null>(null);
  const outcomeId = useId();
  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        variant="secondary"
        size="sm"
        pending={pending}
        aria-describedby={outcomeId}
        onClick={() => {
          setDone(null);
          run(
            () => resendWebhookDeliveryAction(endpointId, deliveryId),
            (result) => {
              if (!result.ok) setError(result.formError);
              else setDone('Queued again');
            },
          );
        }}
      >
        Resend<span className="sr-only"> {eventLabel}</span>
      </Button>
      <Outcome id={outcomeId} error={error} done={done} />
    </div>
  );
}
