import Link from 'next/link';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { buttonClassName } from '@/components/ui/button';
import { CursorPagination } from '@/components/ui/cursor-pagination';
import { inputClassName, labelClassName } from '@/components/ui/form-styles';
import { Cell, EmptyPanel, RowHeader, Table } from '@/components/ui/table';
import {
  DELIVERY_STATE_LABELS,
  LOGGED_EVENT_TYPES,
  WEBHOOK_DELIVERY_STATES,
  type DeliveryFilter,
  type WebhookDeliveryState,
  type WebhookDeliveryView,
} from '@/lib/webhooks/delivery-schema';
import { ResendDeliveryButton, SendTestEventButton } from './delivery-buttons';
import { Instant } from '@/components/ui/instant';

const STATE_TONES: Record<WebhookDeliveryState, BadgeTone> = {
  pending: 'amber',
  succeeded: 'green',
  failed: 'red',
};

/**
 * An endpoint's delivery log: "Send test event", filters by status and event type (a GET form, so
 * a filtered log is a link), newest deliveries first with their last attempt, "Resend" on each,
 * and a link to each one's attempts.
 */
export function DeliveryLog({
  endpointId,
  deliveries,
  next,
  filter,
}: {
  endpointId: string;
  deliveries: WebhookDeliveryView[];
  next: string | null;
  filter: DeliveryFilter;
}) {
  const base = `/settings/webhooks/${endpointId}`;
  const query = (before?: string) => {
    const params = new URLSearchParams();
    if (filter.status) params.set('status', filter.status);
    if (filter.event) params.set('event', filter.event);
    if (before) params.set('before', before);
    const text = params.toString();
    return `${base}${text ? `?${text}` : ''}#deliveries-heading`;
  };
  const filtered = Boolean(filter.status || filter.event);
  return (
    <div className="space-y-4">
      <SendTestEventButton endpointId={endpointId} />
      <form method="get" action={base} className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="delivery-status" className={labelClassName}>
            Status
          </label>
          <select
            id="delivery-status"
            name="status"
            defaultValue={filter.status ?? ''}
            className={inputClassName(false, 'mt-1 w-auto')}
          >
            <option value="">Any status</option>
            {WEBHOOK_DELIVERY_STATES.map((state) => (
              <option key={state} value={state}>
                {DELIVERY_STATE_LABELS[state]}
              </option>
            ))}
          </select>
        </div>
        <div className="min-w-0">
          <label htmlFor="delivery-event" className={labelClassName}>
            Event type
          </label>
          <select
            id="delivery-event"
            name="event"
            defaultValue={filter.event ?? ''}
            className={inputClassName(false, 'mt-1 w-auto max-w-full')}
          >
            <option value="">Any event type</option>
            {LOGGED_EVENT_TYPES.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClassName({ variant: 'secondary' })}>
          Filter deliveries
        </button>
        {filtered ? (
          <Link href={`${base}#deliveries-heading`} className="text-sm text-indigo-700 underline">
            Show every delivery
          </Link>
        ) : null}
      </form>
      <Table
        caption="Deliveries to this endpoint, newest first. Times are in UTC."
        columns={[
          'Event',
          'Status',
          'Attempts',
          'Last attempt',
          { label: 'Actions', hidden: true },
        ]}
        rows={deliveries}
        empty={
          <EmptyPanel>
            {filtered
              ? 'No delivery matches these filters.'
              : 'No deliveries yet. Send a test event, or change a key, to see one here.'}
          </EmptyPanel>
        }
      >
        {(delivery) => (
          <tr key={delivery.id}>
            <RowHeader className="min-w-0 font-normal">
              <Link
                href={`${base}/deliveries/${delivery.id}`}
                className="font-medium break-all text-indigo-700 underline"
              >
                {delivery.eventType}
              </Link>
              <div className="font-mono text-xs break-all text-slate-500">{delivery.eventId}</div>
            </RowHeader>
            <Cell className="whitespace-nowrap">
              <Badge tone={STATE_TONES[delivery.state]}>
                {DELIVERY_STATE_LABELS[delivery.state]}
              </Badge>
              {delivery.state === 'pending' && delivery.attempts > 0 ? (
                <div className="mt-1 text-xs text-slate-600">
                  Next try <Instant date={delivery.nextAttemptAt} />
                </div>
              ) : null}
            </Cell>
            <Cell>{delivery.attempts}</Cell>
            <Cell className="whitespace-nowrap">
              {delivery.lastAttemptAt ? (
                <>
                  <Instant date={delivery.lastAttemptAt} />
                  <div className="text-xs text-slate-600">
                    {delivery.lastStatus === null ? 'No answer' : `HTTP ${delivery.lastStatus}`}
                  </div>
                </>
              ) : (
                'Not yet'
              )}
            </Cell>
            <Cell className="text-right">
              <ResendDeliveryButton
                endpointId={endpointId}
                deliveryId={delivery.id}
                eventLabel={`${delivery.eventType} ${delivery.eventId}`}
              />
            </Cell>
          </tr>
        )}
      </Table>
      <CursorPagination
        label="Delivery pages"
        previous={filter.before ? query() : null}
        next={next ? query(next) : null}
      />
    </div>
  );
}
