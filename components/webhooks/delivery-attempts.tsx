import { Badge } from '@/components/ui/badge';
import { Cell, EmptyPanel, RowHeader, Table } from '@/components/ui/table';
import {
  DELIVERY_STATE_LABELS,
  type WebhookAttemptView,
  type WebhookDeliveryView,
} from '@/lib/webhooks/delivery-schema';
import { ResendDeliveryButton } from './delivery-buttons';
import { Instant } from '@/components/ui/instant';

/** A delivery's state, "Resend", its attempts (newest first, each answer's first 1 KB) and the body. */
export function DeliveryAttempts({
  endpointId,
  delivery,
  payload,
  attempts,
}: {
  endpointId: string;
  delivery: WebhookDeliveryView;
  payload: string;
  attempts: WebhookAttemptView[];
}) {
  let pretty = payload;
  try {
    pretty = JSON.stringify(JSON.parse(payload), null, 2);
  } catch {
    // shown as sent
  }
  return (
    <>
      <section aria-labelledby="delivery-state-heading" className="space-y-3">
        <h2 id="delivery-state-heading" className="text-lg font-semibold">
          Status
        </h2>
        <div className="flex flex-wrap items-center gap-4">
          <Badge
            tone={
              delivery.state === 'succeeded'
                ? 'green'
                : delivery.state === 'failed'
                  ? 'red'
                  : 'amber'
            }
          >
            {DELIVERY_STATE_LABELS[delivery.state]}
          </Badge>
          {delivery.state === 'pending' ? (
            <span className="text-sm text-slate-600">
              {delivery.attempts === 0 ? 'To be sent ' : 'Next try '}
              <Instant date={delivery.nextAttemptAt} />
            </span>
          ) : null}
          <ResendDeliveryButton
            endpointId={endpointId}
            deliveryId={delivery.id}
            eventLabel={`${delivery.eventType} ${delivery.eventId}`}
          />
        </div>
      </section>
      <section aria-labelledby="attempts-heading" className="space-y-3">
        <h2 id="attempts-heading" className="text-lg font-semibold">
          Attempts
        </h2>
        <Table
          caption="Attempts, newest first. Times are in UTC."
          columns={['Attempt', 'Time', 'Answer', 'Duration', 'Response body (first 1 KB)']}
          rows={attempts}
          empty={<EmptyPanel>Not attempted yet.</EmptyPanel>}
        >
          {(attempt) => (
            <tr key={attempt.id}>
              <RowHeader>{attempt.attempt}</RowHeader>
              <Cell className="whitespace-nowrap">
                <Instant date={attempt.at} />
              </Cell>
              <Cell className="whitespace-nowrap">
                {attempt.statusCode === null ? 'No answer' : `HTTP ${attempt.statusCode}`}
              </Cell>
              <Cell className="whitespace-nowrap">{attempt.durationMs} ms</Cell>
              <Cell>
                <pre className="max-h-40 max-w-md overflow-auto font-mono text-xs break-all whitespace-pre-wrap">
                  {attempt.responseBody || '(empty)'}
                </pre>
              </Cell>
            </tr>
          )}
        </Table>
      </section>
      <section aria-labelledby="payload-heading" className="space-y-3">
        <h2 id="payload-heading" className="text-lg font-semibold">
          Body sent
        </h2>
        <pre className="overflow-x-auto rounded-lg border border-slate-200 bg-white p-4 font-mono text-xs">
          {pretty}
        </pre>
      </section>
    </>
  );
}
