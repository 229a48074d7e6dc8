import type { Metadata } from 'next';
import Link from 'next/link';
import { AuthShell } from '@/components/auth/auth-shell';
import { ResetPasswordForm } from '@/components/auth/reset-password-form';
import { LinkButton } from '@/components/ui/link-button';
import { passwordResetStatus, type PasswordResetStatus } from '@/lib/auth/data-password-reset';
import { passwordResetTokenSchema } from '@/lib/auth/schema';

// The token is a secret: never send it on in a Referer header.
export const metadata: Metadata = {
  title: 'Choose a new password',
  referrer: 'no-referrer',
  robots: { index: false },
};

type Props = { searchParams: Promise<{ token?: string | string[] }> };

const UNUSABLE: Record<Exclude<PasswordResetStatus, 'valid'>, { title: string; text: string }> = {
  used: {
    title: 'This reset link has already been used',
    text: 'Each link works once. If you did not use it, or need another one, ask for a new link.',
  },
  expired: {
    title: 'This reset link has expired',
    text: 'Reset links work for an hour. Ask for a new one.',
  },
  unknown: {
    title: 'This reset link does not work',
    text: 'Check that you opened the whole link from the email, or ask for a new one.',
  },
};

export default async function ResetPasswordPage({ searchParams }: Props) {
  const raw = (await searchParams).token;
  const token = Array.isArray(raw) ? raw[0] : raw;
  const status =
    token && passwordResetTokenSchema.safeParse(token).success
      ? await passwordResetStatus(token)
      : 'unknown';

  if (status !== 'valid' || !token) {
    const { title, text } = UNUSABLE[status === 'valid' ? 'unknown' : status];
    return (
      <AuthShell title={title}>
        <p className="text-sm text-slate-700">{text}</p>
        <p className="mt-6 flex flex-wrap gap-3">
          <LinkButton href="/forgot-password">Request a new link</LinkButton>
          <LinkButton href="/sign-in" variant="secondary">
            Go to sign in
          </LinkButton>
        </p>
      </AuthShell>
    );
  }
  return (
    <AuthShell title="Choose a new password">
      <ResetPasswordForm token={token} />
      <p className="mt-6 text-sm">
        <Link href="/sign-in" className="text-indigo-700 underline-offset-2 hover:underline">
          Back to sign in
        </Link>
      </p>
    </AuthShell>
  );
}
