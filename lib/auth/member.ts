import 'server-only';
import { cookies, headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { db } from '@/lib/db';
import { newRequestId } from '@/lib/log';
import { auth } from './auth';
import { NotAllowedError, notAllowedMessage, type Actor } from './authorize';
import { can, type MemberRole, type Permission } from './permissions';

export const BUSINESS_COOKIE = 'keydesk_business';

export type MemberContext = Actor & {
  type: 'member';
  role: MemberRole;
  userId: string;
  email: string;
  businessName: string;
  memberships: { businessId: string; businessName: string; role: MemberRole }[];
};

/** The better-auth session of this request (signed in, not expired), or null. */
export const getSession = cache(async () => auth.api.getSession({ headers: await headers() }));

/**
 * The signed-in person and the business they are acting in (the one chosen with the switcher,
 * else their first), or null. Every membership is re-read from the database on each request, so
 * a removed member loses access at once. Cached for the duration of one request.
 */
export const getCurrentMember = cache(async (): Promise<MemberContext | null> => {
  const session = await getSession();
  if (!session) return null;
  const memberships = await db.membership.findMany({
    where: { userId: session.user.id },
    // Ties broken by id: without it, PostgreSQL returns memberships of one millisecond in any order.
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, businessId: true, role: true, business: { select: { name: true } } },
  });
  if (memberships.length === 0) return null;
  const chosen = (await cookies()).get(BUSINESS_COOKIE)?.value;
  const current = memberships.find((m) => m.businessId === chosen) ?? memberships[0];
  return {
    businessId: current.businessId,
    businessName: current.business.name,
    type: 'member',
    id: current.id,
    userId: session.user.id,
    name: session.user.name,
    email: session.user.email,
    role: current.role,
    requestId: newRequestId(),
    memberships: memberships.map((m) => ({
      businessId: m.businessId,
      businessName: m.business.name,
      role: m.role,
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
