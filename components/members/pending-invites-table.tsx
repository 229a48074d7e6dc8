import { ROLE_LABELS } from '@/lib/auth/permissions';
import { formatInstant } from '@/lib/format';
import type { PendingInviteView } from '@/lib/members/schema';
import { RevokeInviteButton } from './revoke-invite-button';

type Props = { invites: PendingInviteView[]; canRevokeOwnerInvites: boolean };

const cell = 'px-4 py-3 align-top';

/** Invites that can still be accepted. Their links are not shown again: only their hashes are kept. */
export function PendingInvitesTable({ invites, canRevokeOwnerInvites }: Props) {
  if (invites.length === 0) {
    return <p className="text-sm text-slate-600">No invites are waiting to be accepted.</p>;
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className="px-4 py-3">
              Email
            </th>
            <th scope="col" className="px-4 py-3">
              Role
            </th>
            <th scope="col" className="px-4 py-3">
              Expires (UTC)
            </th>
            <th scope="col" className="px-4 py-3">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {invites.map((invite) => (
            <tr key={invite.id}>
              <th scope="row" className={`${cell} text-left font-medium`}>
                {invite.email}
              </th>
              <td className={cell}>{ROLE_LABELS[invite.role]}</td>
              <td className={cell}>
                <time dateTime={invite.expiresAt.toISOString()}>
                  {formatInstant(invite.expiresAt)}
                </time>
              </td>
              <td className={cell}>
                {invite.role !== 'owner' || canRevokeOwnerInvites ? (
                  <RevokeInviteButton inviteId={invite.id} email={invite.email} />
                ) : (
                  <span className="text-xs text-slate-600">Only an owner can revoke it.</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
