// Brings the DATABASE_URL database up to date and, unless KEYDESK_SEED_DEMO=0, loads the demo data
// into it the first time; while no business has an owner (a real installation's first start),
// prints a one-time setup link. `npm start` (scripts/start.ts) and `npm run dev` run this first.
import { pathToFileURL } from 'node:url';
import { issueSetupToken } from '@/lib/businesses/data-setup-token';
import { createPrismaClient } from '@/lib/database/create-client';
import { migrateDatabase } from '@/lib/database/migrate';
import { readEnv } from '@/lib/env';
import { describeSeedResult, seedDemoData } from '@/prisma/seed';

export async function prepareDatabase(env = readEnv()): Promise<void> {
  const applied = await migrateDatabase(env.databaseUrl);
  console.log(
    applied.length
      ? `Database: applied ${applied.length} migration(s): ${applied.join(', ')}.`
      : 'Database: up to date.',
  );
  const db = createPrismaClient(env.databaseUrl);
  try {
    if (env.seedDemoData) console.log(describeSeedResult(await seedDemoData(db)));
    else console.log('Demo data: skipped (KEYDESK_SEED_DEMO=0).');
    const token = await issueSetupToken(db);
    if (token) printSetupLink(`${new URL(env.publicUrl).origin}/setup?token=${token}`);
  } finally {
    await db.$disconnect();
  }
}

/** No business has an owner yet: the way in, printed where the person who started Keydesk sees it. */
function printSetupLink(url: string): void {
  console.log(
    [
      '',
      'Keydesk has no owner yet. Open this link to create your business and your account:',
      '',
      `  ${url}`,
      '',
      'It works until the first owner exists (each start prints a new one). Or, from a terminal:',
      "  npm run keydesk -- setup --business 'Your business' --email you@example.com --name 'Your Name'",
      '',
    ].join('\n'),
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await prepareDatabase();
}
