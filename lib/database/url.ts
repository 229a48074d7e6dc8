import path from 'node:path';

export type Engine = 'sqlite' | 'postgresql';

export type DatabaseTarget =
  | { engine: 'sqlite'; url: string; file: string }
  | { engine: 'postgresql'; url: string; database: string };

export const DEFAULT_DATABASE_URL = 'file:./data/keydesk.db';

/**
 * Reads a DATABASE_URL: `file:` is SQLite (relative to the working directory),
 * `postgres://` or `postgresql://` is PostgreSQL.
 */
export function parseDatabaseUrl(url: string = DEFAULT_DATABASE_URL): DatabaseTarget {
  if (url.startsWith('file:')) {
    const raw = url.slice('file:'.length).split('?')[0];
    const file = raw === ':memory:' ? raw : path.resolve(raw);
    return { engine: 'sqlite', url: `file:${file}`, file };
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const database = decodeURIComponent(new URL(url).pathname.slice(1)) || 'postgres';
    return { engine: 'postgresql', url, database };
  }
  throw new Error(
    `DATABASE_URL must be a file: URL (SQLite) or a postgres:// URL (PostgreSQL); got one starting with "${url.split(':')[0]}:"`,
  );
}

export function databaseEngine(url?: string): Engine {
  return parseDatabaseUrl(url).engine;
}
