import 'server-only';
import { DEMO_BUSINESS_ID } from './demo-business';

export type BusinessContext = { businessId: string };

/**
 * The business the current request acts for. Every page, server action and route handler asks this
 * one function, and never takes a business from its input. Until staff sign-in exists, it is the
 * demo business; the sign-in issue replaces this body with the session's membership.
 */
export async function requireBusiness(): Promise<BusinessContext> {
  return { businessId: DEMO_BUSINESS_ID };
}
