import { z } from 'zod';
import { safeLocalPath } from '@/lib/http/safe-path';
import { hasNoControlCharacters } from '@/lib/text';
import { PASSWORD_LENGTH } from './password-length';

export { PASSWORD_LENGTH } from './password-length';

export const signInSchema = z.object({
  email: z
    .string({ error: 'Enter the email address you sign in with.' })
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: 'Enter the email address you sign in with.' })),
  password: z
    .string({ error: 'Enter your password.' })
    .min(1, { error: 'Enter your password.' })
    .max(128, { error: 'That password is too long.' }),
  next: z.string().optional(),
});

export type SignInInput = z.input<typeof signInSchema>;

/** Where to go after signing in: `next` when it is a path of this site (safeLocalPath), else the overview. */
export function safeNextPath(next: unknown): string {
  const path = safeLocalPath(next);
  if (!path || /^\/sign-in(?:[/?]|$)/.test(path)) return '/';
  return path;
}

/** A staff member's name as they give it (invites, first-run setup). */
export const personNameSchema = z
  .string({ error: 'Enter your name.' })
  .trim()
  .min(1, { error: 'Enter your name.' })
  .max(100, { error: 'A name has at most 100 characters.' })
  .refine(hasNoControlCharacters, {
    error: 'A name cannot contain control characters such as tabs or line breaks.',
  });

/** A new password (sign-up by invite, first-run setup): PASSWORD_LENGTH, any characters. */
export const newPasswordSchema = z
  .string({ error: 'Choose a password.' })
  .min(PASSWORD_LENGTH.min, { error: `A password has at least ${PASSWORD_LENGTH.min} characters.` })
  .max(PASSWORD_LENGTH.max, { error: `A password has at most ${PASSWORD_LENGTH.max} characters.` });

/** An email address a person signs in with; spaces around it are ignored, stored lower-cased. */
export const accountEmailSchema = z
  .string({ error: 'Enter your email address.' })
  .trim()
  .toLowerCase()
  .pipe(
    z
      .email({ error: 'Enter an email address, like dana@example.com.' })
      .max(254, { error: 'That email address is too long.' }),
  );

/** "Forgot password?": the address to send a reset link to. */
export const forgotPasswordSchema = z.object({ email: signInSchema.shape.email });
export type ForgotPasswordInput = z.input<typeof forgotPasswordSchema>;

/** A reset link's token as the page receives it (base64url of 32 bytes). */
export const passwordResetTokenSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{20,100}$/, { error: 'This reset link is not complete.' });

/** The reset page's form: the token from the link and the new password. */
export const resetPasswordSchema = z.object({
  token: passwordResetTokenSchema,
  password: newPasswordSchema,
});
export type ResetPasswordInput = z.input<typeof resetPasswordSchema>;

/** How long a reset link works, from when its email is sent. */
export const PASSWORD_RESET_VALID_MINUTES = 60;
