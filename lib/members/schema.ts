import { z } from 'zod';
import { MEMBER_ROLES, type MemberRole } from '@/lib/auth/permissions';
import { newPasswordSchema, personNameSchema } from '@/lib/auth/schema';
import type { ActionFailure } from '@/lib/result';

// Shared by the member forms, their server actions and the data layer. No server imports here.

/** How long an invite link works. */
export const INVITE_VALID_DAYS = 7;

/**
 * The failure codes of the members and invites data layer (and of accepting an invite), as people
 * are told them: on a field of the invite form, or (no field) above the form or next to the button.
 */
export const memberFailures = {
  /** The actor's own role changed (or they were removed) while their request was on its way. */
  ROLE_CHANGED: {
    message:
      'Your role in this business has just changed. Reload the page to see what you can do now.',
  },
  MEMBER_NOT_FOUND: { message: 'That member was not found. They may have been removed.' },
  OWNER_ONLY: { message: 'Only an owner can grant, change or remove the owner role.' },
  LAST_OWNER: { message: 'A business needs at least one owner' },
  INVITE_NOT_FOUND: { message: 'That invite was not found. It may have been used or revoked.' },
  ALREADY_A_MEMBER: { field: 'email', message: 'Already a member' },
  OWNER_INVITE_OWNER_ONLY: { field: 'role', message: 'Only an owner can invite an owner.' },
  /** Accepting: the invite has expired, was revoked or used, or its link matches none. */
  INVITE_UNAVAILABLE: {
    message:
      'This invite can no longer be used: it has expired, was revoked or was already accepted. Ask the business for a new invite.',
  },
  INVITE_WRONG_ACCOUNT: {
    message:
      'This invite is for another email address. Sign out, then sign in with the invited address.',
  },
  ALREADY_JOINED: { message: 'You are already a member of this business.' },
  /** Accepting with a new account: the invited address already has one (told by the sign-up). */
  ACCOUNT_EXISTS: {
    message: 'An account with this email address already exists. Sign in to accept the invite.',
  },
} as const satisfies Record<string, { field?: 'email' | 'role'; message: string }>;

export type MemberFailureCode = keyof typeof memberFailures;

const roleSchema = z.enum(MEMBER_ROLES, { error: 'Choose a role.' });

/** Add a member by email: an invite link with a role. Spaces around the address are ignored. */
export const inviteMemberSchema = z.object({
  email: z
    .string({ error: 'Enter an email address.' })
    .trim()
    .pipe(
      z
        .email({ error: 'Enter an email address, like dana@example.com.' })
        .max(254, { error: 'That email address is too long.' }),
    ),
  role: roleSchema,
});
export type InviteMemberInput = z.infer<typeof inviteMemberSchema>;
export type InviteMemberFailure = ActionFailure<'email' | 'role'>;

const membershipIdSchema = z.string({ error: 'Choose a member.' }).trim().min(1, {
  error: 'Choose a member.',
});

export const changeMemberRoleSchema = z.object({
  membershipId: membershipIdSchema,
  role: roleSchema,
});
export type ChangeMemberRoleInput = z.infer<typeof changeMemberRoleSchema>;

export const removeMemberSchema = z.object({ membershipId: membershipIdSchema });

export const revokeInviteSchema = z.object({
  inviteId: z.string({ error: 'Choose an invite.' }).trim().min(1, { error: 'Choose an invite.' }),
});

/** The token from an invite link: 32 random bytes, base64url. */
export const inviteTokenSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, { error: 'This invite link is not valid.' });

export const joinBusinessSchema = z.object({ token: inviteTokenSchema });

/** Accepting an invite with a new account. The email comes from the invite, never from the form. */
export const acceptInviteWithAccountSchema = z
  .object({
    token: inviteTokenSchema,
    name: personNameSchema,
    password: newPasswordSchema,
    confirmPassword: z.string({ error: 'Type the password again.' }),
  })
  .refine((input) => input.password === input.confirmPassword, {
    path: ['confirmPassword'],
    error: 'The two passwords are not the same.',
  });
export type AcceptInviteWithAccountInput = z.infer<typeof acceptInviteWithAccountSchema>;
export type AcceptInviteField = 'name' | 'password' | 'confirmPassword';
export type AcceptInviteFailure = ActionFailure<AcceptInviteField>;

/** The roles a member of `role` may hand out: only owners grant the owner role. */
export function assignableRoles(role: MemberRole): MemberRole[] {
  return role === 'owner' ? [...MEMBER_ROLES] : MEMBER_ROLES.filter((r) => r !== 'owner');
}

/** A member as the members page lists them. */
export type MemberView = {
  id: string;
  name: string;
  email: string;
  role: MemberRole;
  joinedAt: Date;
};

/** An invite that can still be accepted, as the members page lists it. */
export type PendingInviteView = { id: string; email: string; role: MemberRole; expiresAt: Date };
