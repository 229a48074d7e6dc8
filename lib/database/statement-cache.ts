import type { Database as BetterSqlite3, Statement } from 'better-sqlite3';

// better-sqlite3 compiles a statement on every `prepare`, and Prisma's SQLite adapter prepares each
// query anew: about 6% of a create's time under load (issue 13's profile). Keydesk's queries are a
// small, fixed set of SQL texts with `?` parameters, so the compiled statements are kept, by text,
// and reused.
//
// The adapter binds parameters with `prepare(sql).bind(args)`, and a better-sqlite3 statement can
// be bound only once; so the cache hands out a statement whose `bind` records the arguments and
// passes them to `run`/`all` instead. That is safe because better-sqlite3 is synchronous: a
// statement finishes before another can start (Keydesk never iterates a cached statement lazily).

/** How many compiled statements a connection keeps; the least recently used are dropped first. */
export const STATEMENT_CACHE_SIZE = 500;

/** The part of a statement Prisma's adapter uses, with the arguments applied at each call. */
function withArgs(statement: Statement, args: unknown[]) {
  return {
    reader: statement.reader,
    columns: () => statement.columns(),
    run: () => statement.run(...args),
    all: () => statement.raw(false).all(...args),
    get: () => statement.raw(false).get(...args),
    raw: () => ({ all: () => statement.raw(true).all(...args) }),
  };
}

/** Makes `client.prepare(sql)` reuse compiled statements, kept by SQL text. Returns the client. */
export function cachePreparedStatements(client: BetterSqlite3, size = STATEMENT_CACHE_SIZE) {
  const prepare = client.prepare.bind(client);
  const cache = new Map<string, Statement>();
  const compiled = (sql: string): Statement => {
    let statement = cache.get(sql);
    if (statement) {
      // Most recently used last: a Map keeps insertion order.
      cache.delete(sql);
    } else {
      statement = prepare(sql);
      if (cache.size >= size) cache.delete(cache.keys().next().value!);
    }
    cache.set(sql, statement);
    return statement;
  };
  (client as unknown as { prepare: unknown }).prepare = (sql: string) => {
    const statement = compiled(sql);
    return { ...withArgs(statement, []), bind: (args: unknown[]) => withArgs(statement, args) };
  };
  return client;
}
