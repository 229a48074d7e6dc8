// Demo data for a new installation: the businesses "Acme Software" and "Globex Corporation" with
// their customers, products, license keys and activations, and the demo staff accounts
// (lib/auth/demo-accounts.ts). `npm run db:seed` runs this file; scripts/prepare-db.ts calls
// seedDemoData on `npm start` and `npm run dev`.
import { pathToFileURL } from 'node:url';
import { createPrismaClient } from '@/lib/database/create-client';
import { migrateDatabase } from '@/lib/database/migrate';
import { readEnv } from '@/lib/env';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { seedDemoAccounts, type AccountsSeedResult } from './seed-accounts';
import { seedBusiness, type SeedCounts } from './seed-business';
import { ACME_SEED, type BusinessSeed } from './seed-data';
import { GLOBEX_SEED } from './seed-data-globex';

export type { SeedCounts } from './seed-business';

/** Seeded in this order; the demo accounts' memberships refer to them. */
export const DEMO_BUSINESSES: readonly BusinessSeed[] = [ACME_SEED, GLOBEX_SEED];

export type SeedResult = {
  /** Every demo business, with what was seeded now, or null when it already existed. */
  businesses: { name: string; counts: SeedCounts | null }[];
  accounts: AccountsSeedResult;
};

/**
 * Seeds what is missing, business by business and account by account: a database from an earlier
 * version (Acme only, no accounts) gets Globex and the accounts, and Acme's data is not touched.
 * Each business is written in one transaction; the accounts in another.
 */
export async function seedDemoData(
  db: PrismaClient,
  { now = new Date(), password = readEnv().demoPassword }: { now?: Date; password?: string } = {},
): Promise<SeedResult> {
  const businesses: SeedResult['businesses'] = [];
  for (const business of DEMO_BUSINESSES) {
    businesses.push({ name: business.name, counts: await seedBusiness(db, business, now) });
  }
  const newBusinessIds = DEMO_BUSINESSES.filter((_, index) => businesses[index].counts).map(
    (business) => business.id,
  );
  const accounts = await seedDemoAccounts(db, { password, now, newBusinessIds });
  return { businesses, accounts };
}

/** One line per thing seeded, or one line saying that everything was there already. */
export function describeSeedResult(result: SeedResult): string {
  const lines: string[] = [];
  const existing: string[] = [];
  for (const { name, counts } of result.businesses) {
    if (!counts) {
      existing.push(name);
      continue;
    }
    const { customers, products, licenseKeys, instances } = counts;
    lines.push(
      `Demo data: seeded ${name} with ${customers} customers, ${products} products, ` +
        `${licenseKeys} license keys and ${instances} activations.`,
    );
  }
  const { created, addedMemberships } = result.accounts;
  if (created.length) {
    lines.push(
      `Demo data: created ${plural(created.length, 'staff account')} (${created.join(', ')}); ` +
        'their password is KEYDESK_DEMO_PASSWORD (the default is in the README).',
    );
  }
  if (addedMemberships) {
    lines.push(
      `Demo data: added ${plural(addedMemberships, 'membership')} to existing demo accounts.`,
    );
  }
  if (lines.length === 0) {
    return `Demo data: ${existing.join(', ')} and the demo accounts already exist, nothing seeded.`;
  }
  if (existing.length) lines.push(`Demo data: ${existing.join(', ')} already existed, left as is.`);
  return lines.join('\n');
}

function plural(count: number, noun: string) {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

async function main() {
  const { databaseUrl } = readEnv();
  const started = performance.now();
  const applied = await migrateDatabase(databaseUrl);
  if (applied.length) console.log(`Applied ${applied.length} migration(s): ${applied.join(', ')}`);
  const db = createPrismaClient(databaseUrl);
  try {
    const result = await seedDemoData(db);
    const elapsed = Math.round(performance.now() - started);
    console.log(`${describeSeedResult(result)} (${elapsed} ms)`);
  } finally {
    await db.$disconnect();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
