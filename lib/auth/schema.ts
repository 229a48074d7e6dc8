import { z } from 'zod';
import { safeLocalPath } from '@/lib/http/safe-path';

/** Password length rules, shared by better-auth's configuration, sign-up by invite, the seed and the CLI. */
export const PASSWORD_LENGTH = { min: 10, max: 128 } as const;

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

/** Where to go after signing in: `next` when it is a path of this site (safeLocalPath), else the keys. */
export function safeNextPath(next: unknown): string {
  const path = safeLocalPath(next);
  if (!path || /^\/sign-in(?:[/?]|$)/.test(path)) return '/license-keys';
  return path;
}

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
  password: z
    .string({ error: 'Choose a new password.' })
    .min(PASSWORD_LENGTH.min, {
      error: `A password has at least ${PASSWORD_LENGTH.min} characters.`,
    })
    .max(PASSWORD_LENGTH.max, {
      error: `A password has at most ${PASSWORD_LENGTH.max} characters.`,
    }),
});
export type ResetPasswordInput = z.input<typeof resetPasswordSchema>;

/** How long a reset link works, from when its email is sent. */
export const PASSWORD_RESET_VALID_MINUTES = 60;
