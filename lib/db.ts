import 'server-only';
import { createPrismaClient, type Database } from './database/create-client';
import { readEnv } from './env';

// The one Prisma client of the app. Development reloads modules, so the client lives on globalThis
// there; one client means one SQLite connection and one statement queue (lib/database/serialized-adapter.ts).
const globalForDb = globalThis as unknown as { keydeskDb?: Database };

export const db: Database = globalForDb.keydeskDb ?? createPrismaClient(readEnv().databaseUrl);
globalForDb.keydeskDb = db;
