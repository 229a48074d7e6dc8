import 'server-only';
import { cookies } from 'next/headers';
import { readEnv } from '@/lib/env';
import { BUSINESS_COOKIE } from './member';

/**
 * Makes `businessId` the business the dashboard shows from the next request on. Callers check that
 * the person is a member of it (getCurrentMember ignores a cookie naming any other business).
 */
export async function setCurrentBusiness(businessId: string): Promise<void> {
  (await cookies()).set(BUSINESS_COOKIE, businessId, {
    httpOnly: true,
    sameSite: 'lax',
    secure: new URL(readEnv().publicUrl).protocol === 'https:',
    path: '/',
  });
}
