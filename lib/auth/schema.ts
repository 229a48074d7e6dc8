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
