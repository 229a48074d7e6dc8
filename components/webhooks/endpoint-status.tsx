import { Badge } from '@/components/ui/badge';
import type { WebhookEndpointView } from '@/lib/webhooks/schema';

type Status = Pick<WebhookEndpointView, 'disabled' | 'disabledReason'>;

/** Enabled, Disabled (by a person) or Disabled by Keydesk (every delivery failing; the reason under it). */
export function EndpointStatus({
  endpoint,
  withReason = true,
}: {
  endpoint: Status;
  withReason?: boolean;
}) {
  if (!endpoint.disabled) return <Badge tone="green">Enabled</Badge>;
  if (!endpoint.disabledReason) return <Badge tone="slate">Disabled</Badge>;
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <Badge tone="red">Disabled by Keydesk</Badge>
      {withReason ? (
        <span className="text-xs text-slate-700">{endpoint.disabledReason}</span>
      ) : null}
    </span>
  );
}

/** "All events", or the types, one a line. */
export function EndpointEvents({ filterTypes }: Pick<WebhookEndpointView, 'filterTypes'>) {
  if (filterTypes.length === 0) return <>All events</>;
  return (
    <ul className="space-y-0.5 font-mono text-xs">
      {filterTypes.map((type) => (
        <li key={type}>{type}</li>
      ))}
    </ul>
  );
}
