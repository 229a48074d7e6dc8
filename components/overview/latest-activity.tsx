import Link from 'next/link';
import { ActivityTable } from '@/components/audit/activity-table';
import { EmptyPanel } from '@/components/ui/table';
import type { AuditEventView } from '@/lib/audit/describe';

/** The newest entries of the activity trail (owners and admins), and the way to all of it. */
export function LatestActivity({ events }: { events: AuditEventView[] }) {
  return (
    <section aria-labelledby="latest-activity-heading" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2 id="latest-activity-heading" className="text-lg font-semibold">
          Latest activity
        </h2>
        <Link
          href="/activity"
          className="text-sm font-medium text-indigo-700 underline-offset-2 hover:underline"
        >
          View all activity
        </Link>
      </div>
      {events.length === 0 ? (
        <EmptyPanel>No activity yet.</EmptyPanel>
      ) : (
        <ActivityTable events={events} caption="Latest activity, newest first. Times are in UTC." />
      )}
    </section>
  );
}
