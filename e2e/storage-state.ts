/** Where e2e/auth.setup.ts keeps each demo role's signed-in browser state. */
export const STORAGE_STATE = {
  acmeOwner: 'e2e/.auth/acme-owner.json',
  acmeSupport: 'e2e/.auth/acme-support.json',
  globexOwner: 'e2e/.auth/globex-owner.json',
  consultant: 'e2e/.auth/consultant.json',
} as const;
