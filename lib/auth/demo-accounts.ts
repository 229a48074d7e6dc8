// The staff accounts the demo seed creates (prisma/seed-accounts.ts), defined once for the seed, the
// README and the Playwright tests. Their password is readEnv().demoPassword (KEYDESK_DEMO_PASSWORD).
// No server imports.
import { DEMO_BUSINESS_ID, GLOBEX_BUSINESS_ID } from './demo-business';
import type { MemberRole } from './permissions';

export type DemoAccount = {
  name: string;
  email: string;
  /** In this order: the first is the business a fresh sign-in opens. */
  memberships: { businessId: string; role: MemberRole }[];
};

export const DEMO_ACCOUNTS = {
  acmeOwner: {
    name: 'Morgan Reyes',
    email: 'owner@acme.test',
    memberships: [{ businessId: DEMO_BUSINESS_ID, role: 'owner' }],
  },
  acmeSupport: {
    name: 'Sam Rivera',
    email: 'support@acme.test',
    memberships: [{ businessId: DEMO_BUSINESS_ID, role: 'support' }],
  },
  globexOwner: {
    name: 'Hana Mori',
    email: 'owner@globex.test',
    memberships: [{ businessId: GLOBEX_BUSINESS_ID, role: 'owner' }],
  },
  /** A member of both businesses, to try the business switcher. */
  consultant: {
    name: 'Alex Chen',
    email: 'alex@consultant.test',
    memberships: [
      { businessId: DEMO_BUSINESS_ID, role: 'admin' },
      { businessId: GLOBEX_BUSINESS_ID, role: 'support' },
    ],
  },
} satisfies Record<string, DemoAccount>;

export type DemoAccountKey = keyof typeof DEMO_ACCOUNTS;
