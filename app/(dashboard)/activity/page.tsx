import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { ActivityPagination } from '@/components/audit/activity-pagination';
import { ActivityTable } from '@/components/audit/activity-table';
import { listActivity } from '@/lib/audit/data';
import { requireMember } from '@/lib/auth/member';

export const metadata: Metadata = { title: 'Activity' };

type Props = { searchParams: Promise<{ page?: string | string[] }> };

/** `?page=` is absent (page 1) or a page number written plainly: "2", not "02", "2.5" or "-1". */
function parsePage(raw: string | string[] | undefined): number | null {
  if (raw === undefined) return 1;
  if (typeof raw !== 'string' || !/^[1-9]\d{0,6}$/.test(raw)) return null;
  return Number(raw);
}

export default async function ActivityPage({ searchParams }: Props) {
  const member = await requireMember('members:manage');
  const requested = parsePage((await searchParams).page);
  if (requested === null) notFound();
  const { events, page, pageCount, total } = await listActivity(member, requested);
  // A bookmark past the end (the trail is shorter than it was): show the last page instead.
  if (page > pageCount) redirect(pageCount === 1 ? '/activity' : `/activity?page=${pageCount}`);

  return (
    <>
      <div className="mb-6">
        <h1 className="text-2xl font-semibold tracking-tight">Activity</h1>
        <p className="text-sm text-slate-600">
          Who did what in {member.businessName}, newest first. Times are in UTC.
        </p>
      </div>
      {total === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
          No activity yet
        </p>
      ) : (
        <>
          <ActivityTable events={events} />
          <ActivityPagination page={page} pageCount={pageCount} />
        </>
      )}
    </>
  );
}
