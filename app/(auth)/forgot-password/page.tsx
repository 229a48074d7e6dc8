import type { Metadata } from 'next';
import Link from 'next/link';
import { AuthShell } from '@/components/auth/auth-shell';
import { ForgotPasswordForm } from '@/components/auth/forgot-password-form';
import { emailIsConfigured } from '@/lib/email/status';

export const metadata: Metadata = { title: 'Forgot password' };

export default function ForgotPasswordPage() {
  return (
    <AuthShell title="Reset your password">
      {emailIsConfigured() ? (
        <>
          <p className="mb-5 text-sm text-slate-700">
            Enter the email address you sign in with. We will send you a link to choose a new
            password.
          </p>
          <ForgotPasswordForm />
        </>
      ) : (
        <p className="text-sm text-slate-700">
          Email is not configured on this Keydesk, so it cannot send reset links. Ask an owner of
          your business to reset your password.
        </p>
      )}
      <p className="mt-6 text-sm">
        <Link href="/sign-in" className="text-indigo-700 underline-offset-2 hover:underline">
          Back to sign in
        </Link>
      </p>
    </AuthShell>
  );
}
