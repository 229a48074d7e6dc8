import path from 'node:path';

export type DatabaseTarget = { engine: 'sqlite'; url: string; file: string };

export const DEFAULT_DATABASE_URL = 'file:./data/keydesk.db';

/** Reads a DATABASE_URL. `file:` URLs are SQLite, relative to the working directory. */
export function parseDatabaseUrl(url: string = DEFAULT_DATABASE_URL): DatabaseTarget {
  if (url.startsWith('file:')) {
    const raw = url.slice('file:'.length).split('?')[0];
    const file = raw === ':memory:' ? raw : path.resolve(raw);
    return { engine: 'sqlite', url: `file:${file}`, file };
  }
  throw new Error(
    `DATABASE_URL must be a file: URL (SQLite); got a URL starting with "${url.split(':')[0]}:"`,
  );
}
