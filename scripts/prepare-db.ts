// Brings the DATABASE_URL database up to date and, unless KEYDESK_SEED_DEMO=0, loads the demo data
// into it the first time. `npm start` (scripts/start.ts) and `npm run dev` run this first.
import { pathToFileURL } from 'node:url';
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
  if (!env.seedDemoData) {
    console.log('Demo data: skipped (KEYDESK_SEED_DEMO=0).');
    return;
  }
  const db = createPrismaClient(env.databaseUrl);
  try {
    console.log(describeSeedResult(await seedDemoData(db)));
  } finally {
    await db.$disconnect();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await prepareDatabase();
}
