import 'server-only';
import { cookies, headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { db } from '@/lib/db';
import { newRequestId } from '@/lib/log';
import { auth } from './auth';
import { NotAllowedError, notAllowedMessage, type Actor } from './authorize';
import { can, type MemberRole, type Permission } from './permissions';
import { processSessionCache, type Loaded } from './session-cache';

export const BUSINESS_COOKIE = 'keydesk_business';

export type MemberContext = Actor & {
  type: 'member';
  role: MemberRole;
  userId: string;
  email: string;
  businessName: string;
  memberships: { businessId: string; businessName: string; role: MemberRole }[];
};

type Membership = { id: string; businessId: string; businessName: string; role: MemberRole };

/** Who a session cookie belongs to, and their memberships, oldest first. */
type SignedIn = {
  user: { id: string; name: string; email: string };
  memberships: Membership[];
};

/**
 * The person signed in with this request's session cookie, and their memberships: from this
 * process's session cache (lib/auth/session-cache.ts) when it read them less than
 * KEYDESK_SESSION_CACHE_SECONDS ago, else from better-auth's session check and the memberships
 * table. Cached for the duration of one request.
 */
const getSignedIn = cache(async (): Promise<SignedIn | null> => {
  const { name, signed } = await sessionCookie();
  if (!signed) return null;
  return processSessionCache<SignedIn>().read(signed, () => loadSignedIn(name, signed));
});

async function sessionCookie() {
  const name = (await auth.$context).authCookies.sessionToken.name;
  return { name, signed: (await cookies()).get(name)?.value };
}

/** Signs out: better-auth ends the session (row and cookie), and this process forgets it at once. */
export async function endThisSession(): Promise<void> {
  const { signed } = await sessionCookie();
  await auth.api.signOut({ headers: await headers() });
  if (signed) processSessionCache().forget(signed);
}

/** Checks exactly this cookie value (signature, session row, expiry) and reads the memberships. */
async function loadSignedIn(name: string, signed: string): Promise<Loaded<SignedIn> | null> {
  const headers = new Headers({ cookie: `${name}=${encodeURIComponent(signed)}` });
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  const rows = await db.membership.findMany({
    where: { userId: session.user.id },
    // Ties broken by id: without it, PostgreSQL returns memberships of one millisecond in any order.
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, businessId: true, role: true, business: { select: { name: true } } },
  });
  const { id, name: userName, email } = session.user;
  return {
    tags: [id, ...rows.flatMap((m) => [m.id, m.businessId])],
    sessionExpiresAt: session.session.expiresAt,
    value: {
      user: { id, name: userName, email },
      memberships: rows.map((m) => ({
        id: m.id,
        businessId: m.businessId,
        businessName: m.business.name,
        role: m.role,
      })),
    },
  };
}

/** The person signed in with this request's session (not expired, not ended), or null. */
export const getSession = cache(async () => {
  const signedIn = await getSignedIn();
  return signedIn && { user: signedIn.user };
});

/**
 * The signed-in person and the business they are acting in (the one chosen with the switcher,
 * else their first), or null. The memberships are at most KEYDESK_SESSION_CACHE_SECONDS old, and
 * read again at once after a change made in this process (a removal, a role change). Cached for
 * the duration of one request.
 */
export const getCurrentMember = cache(async (): Promise<MemberContext | null> => {
  const signedIn = await getSignedIn();
  if (!signedIn || signedIn.memberships.length === 0) return null;
  const { user, memberships } = signedIn;
  const chosen = (await cookies()).get(BUSINESS_COOKIE)?.value;
  const current = memberships.find((m) => m.businessId === chosen) ?? memberships[0];
  return {
    businessId: current.businessId,
    businessName: current.businessName,
    type: 'member',
    id: current.id,
    userId: user.id,
    name: user.name,
    email: user.email,
    role: current.role,
    requestId: newRequestId(),
    memberships: memberships.map(({ businessId, businessName, role }) => ({
      businessId,
      businessName,
      role,
    })),
  };
});

/** For pages: the member, or a redirect to sign-in that comes back to this page afterwards. */
export async function requireMember(permission: Permission = 'keys:view'): Promise<MemberContext> {
  const member = await getCurrentMember();
  if (!member && (await getSession())) redirect('/sign-in?no_business=1');
  if (!member) {
    const path = (await headers()).get('x-keydesk-path') ?? '/';
    redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  }
  if (!can(member.role, permission)) forbidden();
  return member;
}

/**
 * For server actions and route handlers: the member, or a NotAllowedError to answer as a value
 * (actions) or a status (route handlers). Never redirects from inside an action's try.
 */
export async function memberFor(permission: Permission): Promise<MemberContext> {
  const member = await getCurrentMember();
  if (!member) throw new NotAllowedError('signed-out');
  if (!can(member.role, permission)) throw new NotAllowedError('forbidden');
  return member;
}

/** For server actions: the member, or the message that tells the person why not. */
export async function memberOrRefusal(permission: Permission): Promise<MemberContext | string> {
  try {
    return await memberFor(permission);
  } catch (error) {
    if (error instanceof NotAllowedError) return notAllowedMessage(error);
    throw error;
  }
}

/** For the dashboard's route handlers: the member, or a 401 (signed out) / 403 (role) answer. */
export async function memberOrResponse(permission: Permission): Promise<MemberContext | Response> {
  try {
    return await memberFor(permission);
  } catch (error) {
    if (!(error instanceof NotAllowedError)) throw error;
    const status = error.reason === 'signed-out' ? 401 : 403;
    return Response.json(
      { code: error.reason, message: error.message },
      { status, headers: { 'Cache-Control': 'no-store' } },
    );
  }
}
