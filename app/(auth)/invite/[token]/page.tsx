import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { AcceptInviteForm } from '@/components/auth/accept-invite-form';
import { AuthShell } from '@/components/auth/auth-shell';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { JoinBusinessButton } from '@/components/members/join-business-button';
import { LinkButton } from '@/components/ui/link-button';
import { auth } from '@/lib/auth/auth';
import { ROLE_LABELS } from '@/lib/auth/permissions';
import { formatInstant } from '@/lib/format';
import { findInvite, type InviteStatus } from '@/lib/members/data-invites';
import { INVITE_VALID_DAYS, inviteTokenSchema } from '@/lib/members/schema';

// The token is a secret: never send it on in a Referer header.
export const metadata: Metadata = {
  title: 'Invite',
  referrer: 'no-referrer',
  robots: { index: false },
};

type Props = { params: Promise<{ token: string }> };

const NOT_FOUND = {
  title: 'This invite link does not work',
  text: 'Check that you opened the whole link, or ask the business for a new invite.',
};

const UNUSABLE: Record<Exclude<InviteStatus, 'pending'>, typeof NOT_FOUND> = {
  expired: {
    title: 'This invite has expired',
    text: `Invites work for ${INVITE_VALID_DAYS} days. Ask the business for a new one.`,
  },
  used: {
    title: 'This invite has already been used',
    text: 'Each invite link works once. If you accepted it, sign in to continue.',
  },
  revoked: {
    title: 'This invite was withdrawn',
    text: 'The business revoked it or sent a newer one. Ask them for a new invite.',
  },
};

export default async function InvitePage({ params }: Props) {
  const { token } = await params;
  const invite = inviteTokenSchema.safeParse(token).success ? await findInvite(token) : null;

  if (!invite || invite.status !== 'pending') {
    const { title, text } =
      invite && invite.status !== 'pending' ? UNUSABLE[invite.status] : NOT_FOUND;
    return (
      <AuthShell title={title}>
        <p className="text-sm text-slate-700">{text}</p>
        <p className="mt-6">
          <LinkButton href="/sign-in">Go to sign in</LinkButton>
        </p>
      </AuthShell>
    );
  }

  const session = await auth.api.getSession({ headers: await headers() });
  const invitedEmail = invite.email.toLowerCase();
  const signedInAs = session?.user.email.toLowerCase();
  return (
    <AuthShell title={`Join ${invite.businessName}`}>
      <p className="text-sm text-slate-700">
        You are invited to join {invite.businessName} as <strong>{ROLE_LABELS[invite.role]}</strong>
        . The invite is for <strong>{invite.email}</strong> and works until{' '}
        {formatInstant(invite.expiresAt)}.
      </p>
      <div className="mt-6">
        {signedInAs === invitedEmail ? (
          <JoinBusinessButton token={token} businessName={invite.businessName} />
        ) : signedInAs ? (
          <>
            <p className="mb-4 text-sm text-slate-700">
              You are signed in as <strong>{session?.user.email}</strong>, but this invite is for{' '}
              {invite.email}. Sign out, open this link again and sign in as {invite.email}.
            </p>
            <SignOutButton />
          </>
        ) : invite.accountExists ? (
          <>
            <p className="mb-4 text-sm text-slate-700">
              You already have a Keydesk account. Sign in as {invite.email} to accept.
            </p>
            <LinkButton href={`/sign-in?next=/invite/${token}`}>Sign in to accept</LinkButton>
          </>
        ) : (
          <AcceptInviteForm token={token} email={invite.email} />
        )}
      </div>
    </AuthShell>
  );
}
