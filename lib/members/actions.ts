'use server';

import { APIError } from 'better-auth/api';
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { auth } from '@/lib/auth/auth';
import { NotAllowedError, notAllowedMessage } from '@/lib/auth/authorize';
import { setCurrentBusiness } from '@/lib/auth/business-cookie';
import { memberAction } from '@/lib/auth/member-action';
import { can, ROLE_LABELS } from '@/lib/auth/permissions';
import { forgetCachedSessions } from '@/lib/auth/session-cache';
import { genericErrorMessage, logUnexpectedError, newRequestId } from '@/lib/log';
import { changeMemberRole, removeMember } from './data';
import {
  acceptInvite,
  createInvite,
  deleteAccountWithoutMemberships,
  findInvite,
  revokeInvite,
} from './data-invites';
import { inviteUrl } from './data-invite-email';
import {
  acceptInviteWithAccountSchema,
  changeMemberRoleSchema,
  inviteMemberSchema,
  joinBusinessSchema,
  memberFailures,
  removeMemberSchema,
  revokeInviteSchema,
  type AcceptInviteFailure,
  type InviteMemberFailure,
  type MemberFailureCode,
} from './schema';

const MEMBERS_PATH = '/settings/members';

/** What the person is told about a failure code. */
const told = (code: MemberFailureCode) => memberFailures[code].message;

/** What a one-button member action says when it did its work. */
const done = (message: string) => ({ ok: true as const, message });

export type InviteMemberSuccess = {
  ok: true;
  inviteUrl: string;
  email: string;
  expiresAt: string;
  /** The invite email is on its way to `email` (email is configured). */
  emailed: boolean;
};
export type InviteMemberResult = InviteMemberSuccess | InviteMemberFailure;

/** Creates an invite and answers its one-time link; with email configured, it is also mailed. */
export const inviteMemberAction = memberAction({
  name: 'inviteMember',
  permission: 'members:manage',
  schema: inviteMemberSchema,
  failures: memberFailures,
  run: async (actor, input) => {
    const result = await createInvite(actor, input);
    if (!result.ok) return result;
    revalidatePath(MEMBERS_PATH);
    const { token, expiresAt, emailed } = result.value;
    return {
      ok: true,
      inviteUrl: inviteUrl(token),
      email: input.email,
      expiresAt: expiresAt.toISOString(),
      emailed,
    } satisfies InviteMemberSuccess;
  },
});

/** Changes a member's role. A member who gave up managing members is taken to the overview. */
export const changeMemberRoleAction = memberAction({
  name: 'changeMemberRole',
  permission: 'members:manage',
  schema: changeMemberRoleSchema,
  errorsOn: 'form',
  failures: memberFailures,
  logContext: ({ membershipId, role }) => ({ membershipId, role }),
  run: async (actor, input) => {
    const result = await changeMemberRole(actor, input);
    if (!result.ok) return result;
    revalidatePath(MEMBERS_PATH);
    // A member who gave up managing members cannot see this page any more.
    if (input.membershipId === actor.id && !can(input.role, 'members:manage')) {
      revalidatePath('/', 'layout');
      redirect('/');
    }
    const { name, role, changed } = result.value;
    return done(`${name} is ${changed ? 'now' : 'already'} ${ROLE_LABELS[role]}.`);
  },
});

/** Removes a member; a member who removes themselves leaves the business and goes to the overview. */
export const removeMemberAction = memberAction({
  name: 'removeMember',
  permission: 'members:manage',
  schema: removeMemberSchema,
  errorsOn: 'form',
  failures: memberFailures,
  logContext: ({ membershipId }) => ({ membershipId }),
  run: async (actor, { membershipId }) => {
    const result = await removeMember(actor, membershipId);
    if (!result.ok) return result;
    revalidatePath(MEMBERS_PATH);
    if (result.value.left) {
      revalidatePath('/', 'layout');
      redirect('/');
    }
    return done(`${result.value.name} was removed.`);
  },
});

/** Revokes a pending invite: its link stops working at once. */
export const revokeInviteAction = memberAction({
  name: 'revokeInvite',
  permission: 'members:manage',
  schema: revokeInviteSchema,
  errorsOn: 'form',
  failures: memberFailures,
  logContext: ({ inviteId }) => ({ inviteId }),
  run: async (actor, { inviteId }) => {
    const result = await revokeInvite(actor, inviteId);
    if (!result.ok) return result;
    revalidatePath(MEMBERS_PATH);
    return done(`The invite for ${result.value.email} was revoked.`);
  },
});

/** Makes the joined business the current one, then opens the dashboard. */
async function enterBusiness(businessId: string): Promise<never> {
  await setCurrentBusiness(businessId);
  revalidatePath('/', 'layout');
  redirect('/');
}

/**
 * Accepts an invite for the user. A failure, expected or not (then logged with the request id),
 * comes back as what to tell the person.
 */
async function accept(
  input: { token: string; userId: string; requestId: string },
  action: string,
): Promise<{ ok: true; businessId: string } | { ok: false; formError: string }> {
  try {
    const result = await acceptInvite(input);
    if (!result.ok) return { ok: false, formError: told(result.code) };
    // Committed: the business they joined is theirs from their next request on (session-cache.ts).
    forgetCachedSessions.of(input.userId);
    return { ok: true, businessId: result.value.businessId };
  } catch (error) {
    logUnexpectedError(input.requestId, error, { action });
    return { ok: false, formError: genericErrorMessage(input.requestId) };
  }
}

/** A signed-in person accepts an invite made out to their email address. */
export async function joinBusinessAction(
  input: unknown,
): Promise<{ ok: false; formError: string }> {
  const parsed = joinBusinessSchema.safeParse(input);
  if (!parsed.success) return { ok: false, formError: told('INVITE_UNAVAILABLE') };
  const session = await auth.api.getSession({ headers: await headers() });
  if (!session)
    return { ok: false, formError: notAllowedMessage(new NotAllowedError('signed-out')) };
  const requestId = newRequestId();
  const joined = await accept(
    { token: parsed.data.token, userId: session.user.id, requestId },
    'joinBusiness',
  );
  if (!joined.ok) return joined;
  return enterBusiness(joined.businessId);
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
      formError: token ? told('INVITE_UNAVAILABLE') : undefined,
    };
  }
  const { token, name, password } = parsed.data;
  const requestId = newRequestId();
  const invite = await findInvite(token);
  if (!invite || invite.status !== 'pending') {
    return { ok: false, fieldErrors: {}, formError: told('INVITE_UNAVAILABLE') };
  }
  if (invite.accountExists) {
    return { ok: false, fieldErrors: {}, formError: told('ACCOUNT_EXISTS') };
  }

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
      return { ok: false, fieldErrors: {}, formError: told('ACCOUNT_EXISTS') };
    }
    logUnexpectedError(requestId, error, { action: 'acceptInviteWithAccount' });
    return { ok: false, fieldErrors: {}, formError: genericErrorMessage(requestId) };
  }

  const joined = await accept({ token, userId, requestId }, 'acceptInviteWithAccount');
  if (!joined.ok) {
    // The invite was taken in the meantime: leave no account without a business behind.
    await deleteAccountWithoutMemberships(userId);
    return { ok: false, fieldErrors: {}, formError: joined.formError };
  }
  return enterBusiness(joined.businessId);
}
