import Link from 'next/link';
import { Cell, RowHeader, Table } from '@/components/ui/table';
import { describeActor, type AuditEventView } from '@/lib/audit/describe';
import { formatInstant } from '@/lib/format';

const OBJECT_LABELS: Record<string, string> = {
  license_key: 'License key',
  api_key: 'API key',
  member: 'Member',
  invite: 'Invitation',
  customer: 'Customer',
  product: 'Product',
  business: 'Business',
  webhook_endpoint: 'Webhook endpoint',
  import_job: 'Import',
};

/** Where an object of the trail lives in the dashboard, when it has a page. */
const OBJECT_PAGES: Record<string, string> = {
  license_key: '/license-keys/',
  webhook_endpoint: '/settings/webhooks/',
  import_job: '/license-keys/import/',
};

/** One page of the business's audit trail, newest first. */
export function ActivityTable({
  events,
  caption = 'Activity, newest first. Times are in UTC.',
}: {
  events: AuditEventView[];
  /** The table's accessible name. */
  caption?: string;
}) {
  return (
    <Table
      caption={caption}
      columns={['When', 'Who', 'What', 'Object', 'Request id']}
      rows={events}
    >
      {(event) => (
        <tr key={event.id}>
          <RowHeader className="font-normal whitespace-nowrap">
            <time dateTime={event.createdAt.toISOString()}>{formatInstant(event.createdAt)}</time>
          </RowHeader>
          <Cell>{describeActor(event)}</Cell>
          <Cell>{event.summary}</Cell>
          <Cell>
            <ObjectReference type={event.objectType} id={event.objectId} />
          </Cell>
          <Cell className="font-mono text-xs whitespace-nowrap text-slate-700">
            {event.requestId}
          </Cell>
        </tr>
      )}
    </Table>
  );
}

function ObjectReference({ type, id }: { type: string; id: string }) {
  const label = OBJECT_LABELS[type] ?? type;
  const idText = <span className="font-mono text-xs">{id}</span>;
  const page = OBJECT_PAGES[type];
  if (page) {
    return (
      <Link
        href={`${page}${encodeURIComponent(id)}`}
        className="text-indigo-700 underline-offset-2 hover:underline"
      >
        {label} {idText}
      </Link>
    );
  }
  return (
    <span>
      {label} {idText}
    </span>
  );
}
