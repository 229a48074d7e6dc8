import Link from 'next/link';
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
};

const cellClassName = 'px-4 py-3 align-top';

/** One page of the business's audit trail, newest first. */
export function ActivityTable({ events }: { events: AuditEventView[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Activity, newest first. Times are in UTC.</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className="px-4 py-3">
              When
            </th>
            <th scope="col" className="px-4 py-3">
              Who
            </th>
            <th scope="col" className="px-4 py-3">
              What
            </th>
            <th scope="col" className="px-4 py-3">
              Object
            </th>
            <th scope="col" className="px-4 py-3">
              Request id
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {events.map((event) => (
            <tr key={event.id}>
              <th
                scope="row"
                className={`${cellClassName} text-left font-normal whitespace-nowrap`}
              >
                <time dateTime={event.createdAt.toISOString()}>
                  {formatInstant(event.createdAt)}
                </time>
              </th>
              <td className={cellClassName}>{describeActor(event)}</td>
              <td className={cellClassName}>{event.summary}</td>
              <td className={cellClassName}>
                <ObjectReference type={event.objectType} id={event.objectId} />
              </td>
              <td className={`${cellClassName} font-mono text-xs whitespace-nowrap text-slate-700`}>
                {event.requestId}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ObjectReference({ type, id }: { type: string; id: string }) {
  const label = OBJECT_LABELS[type] ?? type;
  const idText = <span className="font-mono text-xs">{id}</span>;
  if (type === 'license_key') {
    return (
      <Link
        href={`/license-keys/${encodeURIComponent(id)}`}
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
