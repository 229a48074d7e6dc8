import { z } from 'zod';

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

/** Only a path of this site: never another origin (`//evil.example`, `/\\evil.example`). */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return '/license-keys';
  }
  if (next.startsWith('/sign-in')) return '/license-keys';
  return next;
}
