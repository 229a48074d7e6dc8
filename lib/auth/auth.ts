import 'server-only';
import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { nextCookies } from 'better-auth/next-js';
import { db, dbEngine } from '@/lib/db';
import { readEnv } from '@/lib/env';
import { newId } from '@/lib/ids';
import { PASSWORD_LENGTH } from './schema';
import { authSecret } from './secret';

export const SESSION_HOURS = 12;

const env = readEnv();
const publicUrl = new URL(env.publicUrl);
const isLocalhost = ['localhost', '127.0.0.1', '[::1]'].includes(publicUrl.hostname);

/**
 * better-auth handles passwords (scrypt), sessions and their cookies. Keydesk exposes no better-auth
 * HTTP endpoint: sign-in, sign-up by invite and sign-out are server actions that call `auth.api`,
 * so there is no public sign-up and every flow passes through Keydesk's own checks.
 */
export const auth = betterAuth({
  appName: 'Keydesk',
  baseURL: publicUrl.origin,
  secret: authSecret(env.authSecret),
  database: prismaAdapter(db, { provider: dbEngine === 'postgresql' ? 'postgresql' : 'sqlite' }),
  emailAndPassword: {
    enabled: true,
    minPasswordLength: PASSWORD_LENGTH.min,
    maxPasswordLength: PASSWORD_LENGTH.max,
  },
  session: {
    // A working day; after that, sign in again. Sessions are not silently extended.
    expiresIn: SESSION_HOURS * 60 * 60,
    disableSessionRefresh: true,
  },
  advanced: {
    // HTTP-only, SameSite=Lax cookies; Secure everywhere but on localhost.
    useSecureCookies: !isLocalhost,
    cookiePrefix: 'keydesk',
    database: {
      generateId: ({ model }) =>
        newId(
          model === 'session'
            ? 'ses'
            : model === 'account'
              ? 'acc'
              : model === 'verification'
                ? 'ver'
                : 'usr',
        ),
    },
  },
  telemetry: { enabled: false },
  plugins: [nextCookies()],
});
