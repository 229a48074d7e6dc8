'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { genericErrorMessage, logUnexpectedError, newRequestId } from '@/lib/log';
import { requestPasswordReset, resetPassword } from './data-password-reset';
import { forgotPasswordSchema, resetPasswordSchema } from './schema';

export type ForgotPasswordResult =
  | { ok: true; email: string }
  | { ok: false; fieldErrors: Partial<Record<'email', string[]>>; formError?: string };

const NOT_CONFIGURED =
  'Email is not configured on this Keydesk, so no reset link can be sent. Ask an owner of your business to reset your password.';

/**
 * "Forgot password?": queues a reset link for the address. The answer is the same whether or not
 * an account has it, so that the form tells nobody which addresses have accounts.
 */
export async function requestPasswordResetAction(input: unknown): Promise<ForgotPasswordResult> {
  const parsed = forgotPasswordSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, fieldErrors: { email: z.flattenError(parsed.error).fieldErrors.email } };
  }
  try {
    const result = await requestPasswordReset(parsed.data.email);
    if (!result.ok) return { ok: false, fieldErrors: {}, formError: NOT_CONFIGURED };
  } catch (error) {
    const requestId = newRequestId();
    logUnexpectedError(requestId, error, { action: 'requestPasswordReset' });
    return { ok: false, fieldErrors: {}, formError: genericErrorMessage(requestId) };
  }
  return { ok: true, email: parsed.data.email };
}

export type ResetPasswordFailure = {
  ok: false;
  fieldErrors: Partial<Record<'password', string[]>>;
  formError?: string;
};

const LINK_FAILURES = {
  RESET_USED: 'This reset link has already been used. Each link works once: ask for a new one.',
  RESET_EXPIRED: 'This reset link has expired. Links work for an hour: ask for a new one.',
  RESET_NOT_FOUND:
    'This reset link does not work. Check that you opened the whole link, or ask for a new one.',
} as const;

/** Sets a new password through a reset link, then asks the person to sign in with it. */
export async function resetPasswordAction(input: unknown): Promise<ResetPasswordFailure> {
  const parsed = resetPasswordSchema.safeParse(input);
  if (!parsed.success) {
    const { fieldErrors } = z.flattenError(parsed.error);
    return {
      ok: false,
      fieldErrors: { password: fieldErrors.password },
      formError: fieldErrors.token ? LINK_FAILURES.RESET_NOT_FOUND : undefined,
    };
  }
  const requestId = newRequestId();
  try {
    const result = await resetPassword({ ...parsed.data, requestId });
    if (!result.ok) return { ok: false, fieldErrors: {}, formError: LINK_FAILURES[result.code] };
  } catch (error) {
    // Never the token in the log: it is a working credential until used.
    logUnexpectedError(requestId, error, { action: 'resetPassword' }, [parsed.data.token]);
    return { ok: false, fieldErrors: {}, formError: genericErrorMessage(requestId) };
  }
  redirect('/sign-in?reset=done');
}
