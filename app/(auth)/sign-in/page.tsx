import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { CreateBusinessForm } from '@/components/businesses/create-business-form';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { getCurrentMember, getSession } from '@/lib/auth/member';
import { safeNextPath } from '@/lib/auth/schema';
import { emailIsConfigured } from '@/lib/email/status';

export const metadata: Metadata = { title: 'Sign in' };

type Props = { searchParams: Promise<{ next?: string | string[]; reset?: string | string[] }> };

export default async function SignInPage({ searchParams }: Props) {
  const { next: raw, reset } = await searchParams;
  const next = safeNextPath(Array.isArray(raw) ? raw[0] : raw);
  if (await getCurrentMember()) redirect(next);
  const session = await getSession();
  if (session) {
    // Signed in, but no business has this person as a member (any more).
    return (
      <main className="mx-auto max-w-sm px-4 py-16">
        <h1 className="text-2xl font-semibold tracking-tight">No business yet</h1>
        <p className="mt-2 text-slate-600">
          You are signed in as {session.user.email}, but you are not a member of any business. Ask
          an owner or admin for an invite link, or create a business of your own.
        </p>
        <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <CreateBusinessForm />
        </div>
        <div className="mt-6">
          <SignOutButton />
        </div>
      </main>
    );
  }
  return (
    <main className="mx-auto max-w-sm px-4 py-16">
      <p className="text-lg font-semibold tracking-tight">Keydesk</p>
      <h1 className="mt-6 text-2xl font-semibold tracking-tight">Sign in</h1>
      <p className="mt-1 text-sm text-slate-600">
        Sign in to manage your business&apos;s license keys.
      </p>
      {reset === 'done' ? (
        <p
          role="status"
          className="mt-4 rounded-md border border-emerald-300 bg-emerald-50 px-4 py-3 text-sm text-emerald-900"
        >
          Your password was changed and every session ended. Sign in with the new password.
        </p>
      ) : null}
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <SignInForm next={next} />
      </div>
      {emailIsConfigured() ? (
        <p className="mt-4 text-sm">
          <Link
            href="/forgot-password"
            className="text-indigo-700 underline-offset-2 hover:underline"
          >
            Forgot password?
          </Link>
        </p>
      ) : (
        <p className="mt-4 text-sm text-slate-600">
          Forgot your password? Ask an owner of your business to reset it.
        </p>
      )}
    </main>
  );
}
