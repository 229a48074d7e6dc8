import { Cell, RowHeader, Table } from '@/components/ui/table';
import { ROLE_LABELS } from '@/lib/auth/permissions';
import { formatInstant } from '@/lib/format';
import type { PendingInviteView } from '@/lib/members/schema';
import { RevokeInviteButton } from './revoke-invite-button';

type Props = { invites: PendingInviteView[]; canRevokeOwnerInvites: boolean };

/** Invites that can still be accepted. Their links are not shown again: only their hashes are kept. */
export function PendingInvitesTable({ invites, canRevokeOwnerInvites }: Props) {
  return (
    <Table
      caption="Pending invites"
      columns={['Email', 'Role', 'Expires (UTC)', { label: 'Actions', hidden: true }]}
      rows={invites}
      empty={<p className="text-sm text-slate-600">No invites are waiting to be accepted.</p>}
    >
      {(invite) => (
        <tr key={invite.id}>
          <RowHeader>{invite.email}</RowHeader>
          <Cell>{ROLE_LABELS[invite.role]}</Cell>
          <Cell>
            <time dateTime={invite.expiresAt.toISOString()}>{formatInstant(invite.expiresAt)}</time>
          </Cell>
          <Cell>
            {invite.role !== 'owner' || canRevokeOwnerInvites ? (
              <RevokeInviteButton inviteId={invite.id} email={invite.email} />
            ) : (
              <span className="text-xs text-slate-600">Only an owner can revoke it.</span>
            )}
          </Cell>
        </tr>
      )}
    </Table>
  );
}
