import 'server-only';
import { createPrismaClient, directSql, type Database } from './database/create-client';
import type { DirectSql } from './database/direct';
import { databaseEngine, type Engine } from './database/url';
import { readEnv } from './env';

// The one Prisma client of the app. Development reloads modules, so the client lives on globalThis
// there; one client means one SQLite connection and one statement queue (lib/database/serialized-adapter.ts)
// or, on PostgreSQL, one connection pool per process, sized by the KEYDESK_DB_* variables.
const globalForDb = globalThis as unknown as { keydeskDb?: Database };

const env = readEnv();

export const db: Database =
  globalForDb.keydeskDb ?? createPrismaClient(env.databaseUrl, env.databasePool);
globalForDb.keydeskDb = db;

/** The DATABASE_URL `db` talks to, for reads that go to the driver (lib/database/stream-rows.ts). */
export const databaseUrl = env.databaseUrl;

/** The engine `db` talks to, for the few statements that differ (lib/database/dialect.ts). */
export const dbEngine: Engine = databaseEngine(env.databaseUrl);

/** The hot paths' statements, on `db`'s own connection or pool (lib/database/direct.ts). */
export const direct: DirectSql = directSql(db);
