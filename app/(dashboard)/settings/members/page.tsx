import type { Metadata } from 'next';
import { InviteMemberForm } from '@/components/members/invite-member-form';
import { MembersTable } from '@/components/members/members-table';
import { PendingInvitesTable } from '@/components/members/pending-invites-table';
import { requireMember } from '@/lib/auth/member';
import { listMembers } from '@/lib/members/data';
import { listPendingInvites } from '@/lib/members/data-invites';
import { assignableRoles, INVITE_VALID_DAYS } from '@/lib/members/schema';

export const metadata: Metadata = { title: 'Members' };

export default async function MembersPage() {
  const member = await requireMember('members:manage');
  const [members, invites] = await Promise.all([listMembers(member), listPendingInvites(member)]);
  return (
    <div className="space-y-10">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Members</h1>
        <p className="mt-1 text-sm text-slate-600">
          The people who work in {member.businessName}, and what their role lets them do.
        </p>
      </div>

      <section aria-labelledby="add-member-heading">
        <h2 id="add-member-heading" className="text-lg font-semibold">
          Add a member
        </h2>
        <p className="mt-1 mb-4 text-sm text-slate-600">
          You get an invite link to send yourself. It works once, for {INVITE_VALID_DAYS} days. A
          new invite for the same address replaces the old one.
        </p>
        <InviteMemberForm roles={assignableRoles(member.role)} />
      </section>

      <section aria-labelledby="current-members-heading">
        <h2 id="current-members-heading" className="mb-4 text-lg font-semibold">
          Current members
        </h2>
        <MembersTable
          members={members}
          viewer={{ id: member.id, role: member.role }}
          businessName={member.businessName}
        />
      </section>

      <section aria-labelledby="pending-invites-heading">
        <h2 id="pending-invites-heading" className="mb-4 text-lg font-semibold">
          Pending invites
        </h2>
        <PendingInvitesTable invites={invites} canRevokeOwnerInvites={member.role === 'owner'} />
      </section>
    </div>
  );
}
