// `npm run db:migrate`: applies pending migrations to the database named by DATABASE_URL.
import { migrateDatabase } from '@/lib/database/migrate';
import { readEnv } from '@/lib/env';

const { databaseUrl } = readEnv();
const applied = await migrateDatabase(databaseUrl);
console.log(
  applied.length
    ? `Applied ${applied.length} migration(s): ${applied.join(', ')}`
    : 'Database is up to date.',
);
