'use server';

import { APIError } from 'better-auth/api';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { genericErrorMessage, logUnexpectedError, newRequestId } from '@/lib/log';
import { auth } from './auth';
import { setCurrentBusiness } from './business-cookie';
import { BUSINESS_COOKIE, endThisSession, getCurrentMember } from './member';
import { safeNextPath, signInSchema } from './schema';
import { lockedMessage, throttledSignIn, type SignInOutcome } from './throttle';

export type SignInFailure = {
  ok: false;
  fieldErrors: Partial<Record<'email' | 'password', string[]>>;
  formError?: string;
};

const WRONG_CREDENTIALS = 'The email address or the password is not right.';

/** Signs in with email and password, then goes back to the page that asked for it. */
export async function signInAction(input: unknown): Promise<SignInFailure> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) {
    const { fieldErrors } = z.flattenError(parsed.error);
    return { ok: false, fieldErrors: { email: fieldErrors.email, password: fieldErrors.password } };
  }
  const { email, password, next } = parsed.data;

  let outcome: SignInOutcome;
  try {
    // The attempt is counted before the password is checked (lib/auth/throttle.ts).
    outcome = await throttledSignIn(email, () => checkPassword(email, password));
  } catch (error) {
    const requestId = newRequestId();
    logUnexpectedError(requestId, error, { action: 'signIn' });
    return { ok: false, fieldErrors: {}, formError: genericErrorMessage(requestId) };
  }
  if (!outcome.ok) {
    const formError = outcome.lockedUntil ? lockedMessage(outcome.lockedUntil) : WRONG_CREDENTIALS;
    return { ok: false, fieldErrors: {}, formError };
  }
  redirect(safeNextPath(next));
}

/** Signs in through better-auth (which sets the session cookie); false for wrong credentials. */
async function checkPassword(email: string, password: string): Promise<boolean> {
  try {
    await auth.api.signInEmail({ body: { email, password }, headers: await headers() });
    return true;
  } catch (error) {
    if (error instanceof APIError && (error.statusCode === 401 || error.statusCode === 400)) {
      return false;
    }
    throw error;
  }
}

/** Ends the session on the server and in the browser. */
export async function signOutAction(): Promise<void> {
  await endThisSession();
  (await cookies()).delete(BUSINESS_COOKIE);
  redirect('/sign-in');
}

/** Makes another of the member's businesses the current one. Other businesses are ignored. */
export async function switchBusinessAction(businessId: string): Promise<void> {
  const member = await getCurrentMember();
  if (!member) redirect('/sign-in');
  if (member.memberships.some((m) => m.businessId === businessId)) {
    await setCurrentBusiness(businessId);
  }
  redirect('/');
}
