// The demo businesses the seed creates (prisma/seed.ts). Fixed ids, so that tests, docs and the
// demo accounts (./demo-accounts.ts) can name them. No server imports.

/** Acme Software: the larger demo business, with the customer Dana Kim <dana.kim@northwind.io>. */
export const DEMO_BUSINESS_ID = 'bus_AcmeSoftwareDemo0001';
export const DEMO_BUSINESS_NAME = 'Acme Software';

/** Globex Corporation: a second, smaller business, to see that each business sees only its own data. */
export const GLOBEX_BUSINESS_ID = 'bus_GlobexCorporation001';
export const GLOBEX_BUSINESS_NAME = 'Globex Corporation';
