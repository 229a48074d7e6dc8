import { vi } from 'vitest';
import { createPrismaClient, type Database } from '@/lib/database/create-client';

// What a second Keydesk process is to the database, inside one test: a fresh copy of the app's
// modules with its own Prisma client (on PostgreSQL its own connection pool).

/** The modules `load` imports, loaded anew with their own client of `url`; disconnect it after. */
export async function loadAppCopy<T>(
  url: string,
  load: () => Promise<T>,
): Promise<{ modules: T; client: Database }> {
  vi.resetModules();
  const client = createPrismaClient(url);
  (globalThis as { keydeskDb?: Database }).keydeskDb = client;
  try {
    return { modules: await load(), client };
  } finally {
    delete (globalThis as { keydeskDb?: Database }).keydeskDb;
  }
}
