'use server';

import { APIError } from 'better-auth/api';
import { revalidatePath } from 'next/cache';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { auth } from '@/lib/auth/auth';
import { NotAllowedError, notAllowedMessage } from '@/lib/auth/authorize';
import { BUSINESS_COOKIE, type MemberContext, memberOrRefusal } from '@/lib/auth/member';
import { can } from '@/lib/auth/permissions';
import { readEnv } from '@/lib/env';
import { genericErrorMessage, logUnexpectedError, newRequestId } from '@/lib/log';
import { changeMemberRole, removeMember } from './data';
import {
  acceptInvite,
  createInvite,
  deleteAccountWithoutMemberships,
  findInvite,
  revokeInvite,
  type AcceptInviteResult,
} from './invites';
import {
  acceptInviteWithAccountSchema,
  changeMemberRoleSchema,
  inviteMemberSchema,
  joinBusinessSchema,
  removeMemberSchema,
  revokeInviteSchema,
  type AcceptInviteFailure,
  type InviteMemberFailure,
  type MemberActionResult,
} from './schema';

const MEMBERS_PATH = '/settings/members';

/** Runs a data call; an unexpected error is logged with the request id and told generically. */
async function guarded<T>(requestId: string, action: string, work: () => Promise<T>) {
  try {
    return await work();
  } catch (error) {
    logUnexpectedError(requestId, error, { action });
    return { ok: false as const, fieldErrors: {}, formError: genericErrorMessage(requestId) };
  }
}

export type InviteMemberResult =
  { ok: true; inviteUrl: string; email: string; expiresAt: string } | InviteMemberFailure;

/** Creates an invite and answers its one-time link. Nothing is mailed. */
export async function inviteMemberAction(input: unknown): Promise<InviteMemberResult> {
  const actor = await memberOrRefusal('members:manage');
  if (typeof actor === 'string') return { ok: false, fieldErrors: {}, formError: actor };
  const parsed = inviteMemberSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const result = await guarded(actor.requestId, 'inviteMember', () =>
    createInvite(actor, parsed.data),
  );
  if (!result.ok) return result;
  revalidatePath(MEMBERS_PATH);
  const inviteUrl = `${new URL(readEnv().publicUrl).origin}/invite/${result.token}`;
  return {
    ok: true,
    inviteUrl,
    email: parsed.data.email,
    expiresAt: result.expiresAt.toISOString(),
  };
}

/** Shared by the one-button member actions: authorize, validate, run, revalidate. */
async function memberChange<T>(
  input: unknown,
  schema: z.ZodType<T>,
  name: string,
  work: (actor: MemberContext, data: T) => Promise<MemberActionResult>,
): Promise<{ result: MemberActionResult; actor?: MemberContext; data?: T }> {
  const actor = await memberOrRefusal('members:manage');
  if (typeof actor === 'string') return { result: { ok: false, formError: actor } };
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    return { result: { ok: false, formError: parsed.error.issues[0]?.message ?? 'Try again.' } };
  }
  const result = await guarded(actor.requestId, name, () => work(actor, parsed.data));
  if (result.ok) revalidatePath(MEMBERS_PATH);
  return { result, actor, data: parsed.data };
}

export async function changeMemberRoleAction(input: unknown): Promise<MemberActionResult> {
  const { result, actor, data } = await memberChange(
    input,
    changeMemberRoleSchema,
    'changeMemberRole',
    changeMemberRole,
  );
  // A member who gave up managing members cannot see this page any more.
  if (result.ok && actor && data?.membershipId === actor.id && !can(data.role, 'members:manage')) {
    revalidatePath('/', 'layout');
    redirect('/license-keys');
  }
  return result;
}

export async function removeMemberAction(input: unknown): Promise<MemberActionResult> {
  const { result, actor, data } = await memberChange(
    input,
    removeMemberSchema,
    'removeMember',
    (a, d) => removeMember(a, d.membershipId),
  );
  if (result.ok && actor && data?.membershipId === actor.id) {
    revalidatePath('/', 'layout');
    redirect('/license-keys');
  }
  return result;
}

export async function revokeInviteAction(input: unknown): Promise<MemberActionResult> {
  const { result } = await memberChange(input, revokeInviteSchema, 'revokeInvite', (a, d) =>
    revokeInvite(a, d.inviteId),
  );
  return result;
}

const ACCEPT_FAILURES: Record<Exclude<AcceptInviteResult, { ok: true }>['reason'], string> = {
  unavailable:
    'This invite can no longer be used: it has expired, was revoked or was already accepted. Ask the business for a new invite.',
  'wrong-account':
    'This invite is for another email address. Sign out, then sign in with the invited address.',
  'already-member': 'You are already a member of this business.',
};
const ACCOUNT_EXISTS_MESSAGE =
  'An account with this email address already exists. Sign in to accept the invite.';

/** Makes the joined business the current one, then opens the dashboard. */
async function enterBusiness(businessId: string): Promise<never> {
  (await cookies()).set(BUSINESS_COOKIE, businessId, {
    httpOnly: true,
    sameSite: 'lax',
    secure: new URL(readEnv().publicUrl).protocol === 'https:',
    path: '/',
  });
  revalidatePath('/', 'layout');
  redirect('/license-keys');
}

/** A signed-in person accepts an invite made out to their email address. */
export async function joinBusinessAction(
  input: unknown,
): Promise<{ ok: false; formError: string }> {
  const parsed = joinBusinessSchema.safeParse(input);
  if (!parsed.success) return { ok: false, formError: ACCEPT_FAILURES.unavailable };
  const session = await auth.api.getSession({ headers: await headers() });
  if (!session)
    return { ok: false, formError: notAllowedMessage(new NotAllowedError('signed-out')) };
  const requestId = newRequestId();
  const result = await guarded(requestId, 'joinBusiness', () =>
    acceptInvite({ token: parsed.data.token, userId: session.user.id, requestId }),
  );
  if (!result.ok) {
    return {
      ok: false,
      formError: 'reason' in result ? ACCEPT_FAILURES[result.reason] : result.formError,
    };
  }
  return enterBusiness(result.businessId);
}

/** Someone without an account accepts an invite: the account is made for the invited address. */
export async function acceptInviteWithAccountAction(input: unknown): Promise<AcceptInviteFailure> {
  const parsed = acceptInviteWithAccountSchema.safeParse(input);
  if (!parsed.success) {
    const { fieldErrors } = z.flattenError(parsed.error);
    const { name, password, confirmPassword, token } = fieldErrors;
    return {
      ok: false,
      fieldErrors: { name, password, confirmPassword },
      formError: token ? ACCEPT_FAILURES.unavailable : undefined,
    };
  }
  const { token, name, password } = parsed.data;
  const requestId = newRequestId();
  const invite = await findInvite(token);
  if (!invite || invite.status !== 'pending') {
    return { ok: false, fieldErrors: {}, formError: ACCEPT_FAILURES.unavailable };
  }
  if (invite.accountExists)
    return { ok: false, fieldErrors: {}, formError: ACCOUNT_EXISTS_MESSAGE };

  let userId: string;
  try {
    const email = invite.email.toLowerCase();
    // nextCookies() sets the new session's cookie on this action's response: the person is signed in.
    const created = await auth.api.signUpEmail({
      body: { name, email, password },
      headers: await headers(),
    });
    userId = created.user.id;
  } catch (error) {
    if (error instanceof APIError && error.statusCode === 422) {
      return { ok: false, fieldErrors: {}, formError: ACCOUNT_EXISTS_MESSAGE };
    }
    logUnexpectedError(requestId, error, { action: 'acceptInviteWithAccount' });
    return { ok: false, fieldErrors: {}, formError: genericErrorMessage(requestId) };
  }

  const result = await guarded(requestId, 'acceptInviteWithAccount', () =>
    acceptInvite({ token, userId, requestId }),
  );
  if (!result.ok) {
    // The invite was taken in the meantime: leave no account without a business behind.
    await deleteAccountWithoutMemberships(userId);
    const formError = 'reason' in result ? ACCEPT_FAILURES[result.reason] : result.formError;
    return { ok: false, fieldErrors: {}, formError };
  }
  return enterBusiness(result.businessId);
}
