import type { Metadata } from 'next';
import { GettingStarted } from '@/components/overview/getting-started';
import { LatestActivity } from '@/components/overview/latest-activity';
import { OverviewCharts } from '@/components/overview/overview-charts';
import { OverviewFigures } from '@/components/overview/overview-figures';
import { TopProducts } from '@/components/overview/top-products';
import { listLatestActivity } from '@/lib/audit/data';
import { requireMember } from '@/lib/auth/member';
import { can } from '@/lib/auth/permissions';
import { overviewRangeOf } from '@/lib/overview/labels';
import { getOverview } from '@/lib/overview/data';

export const metadata: Metadata = { title: 'Overview' };

/** How many activity entries the overview shows (owners and admins). */
const LATEST_ACTIVITY = 10;

type Props = { searchParams: Promise<{ range?: string | string[] }> };

// The landing page of every role: the business's keys now, the charts of a range (`?range=`), the
// top products, and for owners and admins the latest activity. In its own route group so that its
// loading state wraps this page alone, not the other pages' layouts.
export default async function OverviewPage({ searchParams }: Props) {
  const member = await requireMember();
  const range = overviewRangeOf((await searchParams).range);
  const showActivity = can(member.role, 'members:manage');
  const [overview, activity] = await Promise.all([
    getOverview(member, range),
    showActivity ? listLatestActivity(member, LATEST_ACTIVITY) : null,
  ]);
  const empty = overview.totals.keys === 0;
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Overview</h1>
        <p className="text-sm text-slate-600">
          {member.businessName}: its license keys now and over time.
        </p>
      </div>
      {empty ? (
        <GettingStarted
          businessName={member.businessName}
          role={member.role}
          totals={overview.totals}
        />
      ) : (
        <>
          <OverviewFigures figures={overview.figures} />
          <OverviewCharts overview={overview} />
          <TopProducts products={overview.topProducts} />
        </>
      )}
      {activity ? <LatestActivity events={activity} /> : null}
    </div>
  );
}
