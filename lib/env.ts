import { DEFAULT_DATABASE_URL } from './database/url';

/** The one reader of process.env. Every variable Keydesk reads is listed in the README. */
export function readEnv(env: NodeJS.ProcessEnv = process.env) {
  return {
    /** SQLite file URL, e.g. file:./data/keydesk.db (relative to the project folder). */
    databaseUrl: env.DATABASE_URL || DEFAULT_DATABASE_URL,
    /** Set to "0" to skip loading demo data into an empty database on `npm start`. */
    seedDemoData: env.KEYDESK_SEED_DEMO !== '0',
  };
}
