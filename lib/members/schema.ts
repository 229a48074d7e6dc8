import { z } from 'zod';
import { hasNoControlCharacters } from '@/lib/text';
import { MEMBER_ROLES, type MemberRole } from '@/lib/auth/permissions';

// Shared by the member forms, their server actions and the data layer. No server imports here.

/** How long an invite link works. */
export const INVITE_VALID_DAYS = 7;

export const ALREADY_A_MEMBER_MESSAGE = 'Already a member';
export const LAST_OWNER_MESSAGE = 'A business needs at least one owner';
export const OWNER_ONLY_MESSAGE = 'Only an owner can grant, change or remove the owner role.';
export const MEMBER_NOT_FOUND_MESSAGE = 'That member was not found. They may have been removed.';
export const INVITE_NOT_FOUND_MESSAGE =
  'That invite was not found. It may have been used or revoked.';

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
export type InviteMemberFailure = {
  ok: false;
  fieldErrors: Partial<Record<'email' | 'role', string[]>>;
  formError?: string;
};

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

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/** Accepting an invite with a new account. The email comes from the invite, never from the form. */
export const acceptInviteWithAccountSchema = z
  .object({
    token: inviteTokenSchema,
    name: z
      .string({ error: 'Enter your name.' })
      .trim()
      .min(1, { error: 'Enter your name.' })
      .max(100, { error: 'A name has at most 100 characters.' })
      .refine(hasNoControlCharacters, {
        error: 'A name cannot contain control characters such as tabs or line breaks.',
      }),
    password: z
      .string({ error: 'Choose a password.' })
      .min(PASSWORD_MIN_LENGTH, {
        error: `A password has at least ${PASSWORD_MIN_LENGTH} characters.`,
      })
      .max(PASSWORD_MAX_LENGTH, {
        error: `A password has at most ${PASSWORD_MAX_LENGTH} characters.`,
      }),
    confirmPassword: z.string({ error: 'Type the password again.' }),
  })
  .refine((input) => input.password === input.confirmPassword, {
    path: ['confirmPassword'],
    error: 'The two passwords are not the same.',
  });
export type AcceptInviteWithAccountInput = z.infer<typeof acceptInviteWithAccountSchema>;
export type AcceptInviteField = 'name' | 'password' | 'confirmPassword';
export type AcceptInviteFailure = {
  ok: false;
  fieldErrors: Partial<Record<AcceptInviteField, string[]>>;
  formError?: string;
};

/** The result of a one-button member action (change role, remove, revoke). */
export type MemberActionResult = { ok: true; message: string } | { ok: false; formError: string };

/** The roles a member of `role` may hand out: only owners grant the owner role. */
export function assignableRoles(role: MemberRole): MemberRole[] {
  return role === 'owner' ? [...MEMBER_ROLES] : MEMBER_ROLES.filter((r) => r !== 'owner');
}
