import { Cell, RowHeader, Table } from '@/components/ui/table';
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

/** The business's members. Admins see an owner's row without controls: only owners touch owners. */
export function MembersTable({ members, viewer, businessName }: Props) {
  const roles = assignableRoles(viewer.role);
  return (
    <Table
      caption="Current members"
      columns={['Name', 'Email', 'Role', 'Joined (UTC)', { label: 'Actions', hidden: true }]}
      rows={members}
    >
      {(member) => {
        const isSelf = member.id === viewer.id;
        const editable = viewer.role === 'owner' || member.role !== 'owner';
        return (
          <tr key={member.id}>
            <RowHeader>
              {member.name}
              {isSelf ? <span className="font-normal text-slate-600"> (you)</span> : null}
            </RowHeader>
            <Cell>{member.email}</Cell>
            <Cell>
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
            </Cell>
            <Cell>
              <time dateTime={member.joinedAt.toISOString()}>{formatInstant(member.joinedAt)}</time>
            </Cell>
            <Cell>
              {editable ? (
                <RemoveMemberButton
                  membershipId={member.id}
                  name={member.name}
                  isSelf={isSelf}
                  businessName={businessName}
                />
              ) : null}
            </Cell>
          </tr>
        );
      }}
    </Table>
  );
}
