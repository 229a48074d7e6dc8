import { ROLE_LABELS, type MemberRole } from '@/lib/auth/permissions';
import { formatInstant } from '@/lib/format';
import type { MemberView } from '@/lib/members/schema';
import { assignableRoles } from '@/lib/members/schema';
import { MemberRoleForm } from './member-role-form';
import { RemoveMemberButton } from './remove-member-button';

type Props = {
  members: MemberView[];
  viewer: { id: string; role: MemberRole };
  businessName: string;
};

const cell = 'px-4 py-3 align-top';

/** The business's members. Admins see an owner's row without controls: only owners touch owners. */
export function MembersTable({ members, viewer, businessName }: Props) {
  const roles = assignableRoles(viewer.role);
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className="px-4 py-3">
              Name
            </th>
            <th scope="col" className="px-4 py-3">
              Email
            </th>
            <th scope="col" className="px-4 py-3">
              Role
            </th>
            <th scope="col" className="px-4 py-3">
              Joined (UTC)
            </th>
            <th scope="col" className="px-4 py-3">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {members.map((member) => {
            const isSelf = member.id === viewer.id;
            const editable = viewer.role === 'owner' || member.role !== 'owner';
            return (
              <tr key={member.id}>
                <th scope="row" className={`${cell} text-left font-medium`}>
                  {member.name}
                  {isSelf ? <span className="font-normal text-slate-600"> (you)</span> : null}
                </th>
                <td className={cell}>{member.email}</td>
                <td className={cell}>
                  {editable ? (
                    <MemberRoleForm
                      membershipId={member.id}
                      name={member.name}
                      role={member.role}
                      roles={roles}
                    />
                  ) : (
                    <>
                      {ROLE_LABELS[member.role]}
                      <span className="block text-xs text-slate-600">
                        Only an owner can change an owner.
                      </span>
                    </>
                  )}
                </td>
                <td className={cell}>
                  <time dateTime={member.joinedAt.toISOString()}>
                    {formatInstant(member.joinedAt)}
                  </time>
                </td>
                <td className={cell}>
                  {editable ? (
                    <RemoveMemberButton
                      membershipId={member.id}
                      name={member.name}
                      isSelf={isSelf}
                      businessName={businessName}
                    />
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
