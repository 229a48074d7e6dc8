import type { Metadata } from 'next';
import Link from 'next/link';
import { BusinessTimeZoneForm } from '@/components/businesses/business-time-zone-form';
import { RenameBusinessForm } from '@/components/businesses/rename-business-form';
import { TransferOwnershipForm } from '@/components/businesses/transfer-ownership-form';
import { requireMember } from '@/lib/auth/member';
import { getBusinessTimeZone } from '@/lib/businesses/data-time-zone';
import { DEFAULT_TIME_ZONE, timeZoneGroups } from '@/lib/businesses/time-zones';
import { listMembers } from '@/lib/members/data';

export const metadata: Metadata = { title: 'Business' };

export default async function BusinessPage() {
  const member = await requireMember('business:manage');
  const [members, timeZone] = await Promise.all([
    listMembers(member),
    getBusinessTimeZone(member).then((zone) => zone ?? DEFAULT_TIME_ZONE),
  ]);
  const candidates = members.filter((m) => m.id !== member.id);
  return (
    <div className="space-y-10">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Business</h1>
        <p className="mt-1 text-sm text-slate-600">
          Settings only owners of the business can change.
        </p>
      </div>

      <section aria-labelledby="business-name-heading">
        <h2 id="business-name-heading" className="mb-4 text-lg font-semibold">
          Name
        </h2>
        <RenameBusinessForm name={member.businessName} />
      </section>

      <section aria-labelledby="time-zone-heading">
        <h2 id="time-zone-heading" className="mb-4 text-lg font-semibold">
          Time zone
        </h2>
        <BusinessTimeZoneForm timeZone={timeZone} groups={timeZoneGroups(new Date(), timeZone)} />
      </section>

      <section aria-labelledby="transfer-heading">
        <h2 id="transfer-heading" className="text-lg font-semibold">
          Transfer ownership
        </h2>
        <p className="mt-1 mb-4 text-sm text-slate-600">
          Make another member the owner. You stay in the business as an admin.
        </p>
        {candidates.length > 0 ? (
          <TransferOwnershipForm
            candidates={candidates.map(({ id, name, email, role }) => ({ id, name, email, role }))}
          />
        ) : (
          <p className="text-sm text-slate-700">
            There is no other member to hand the business to yet.{' '}
            <Link
              href="/settings/members"
              className="text-indigo-700 underline underline-offset-2 hover:text-indigo-900"
            >
              Invite someone first
            </Link>
            .
          </p>
        )}
      </section>
    </div>
  );
}
