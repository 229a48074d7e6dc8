import type { Database as BetterSqlite3, Statement } from 'better-sqlite3';
import pg from 'pg';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Queue } from './serialized-adapter';
import { noteStatement } from './statement-log';

// The hot paths' way to the database (issue 13): the same connection (SQLite) or pool (PostgreSQL)
// as the Prisma client, without Prisma's per-query machinery, which was most of a request's time.
// Statements are Prisma.sql templates (one SQL text for both engines: `?` placeholders on SQLite,
// `$n` on PostgreSQL), compiled once and kept (better-sqlite3 statements; named PostgreSQL
// statements). On SQLite the work runs in the statement queue of lib/database/serialized-adapter.ts,
// so no other statement can land inside its transaction.
//
// Values go in as the Prisma client writes them: an instant as ISO text (SQLite: "+00:00" as Prisma
// stores it, so that text comparisons order it; PostgreSQL: without zone, for `timestamp(3)`),
// booleans as 0/1 on SQLite. Rows come back as the driver gives them: read them with `instant`,
// `flag` and `whole` below.

/** A raw row: column name to driver value. */
export type Row = Record<string, unknown>;

/** What a hot path's transaction can do: run a statement, read its rows or how many it changed. */
export type DirectTx = {
  rows(query: Prisma.Sql): Promise<Row[]>;
  run(query: Prisma.Sql): Promise<number>;
};

export type DirectSql = DirectTx & {
  /** Runs `work` in one transaction: committed when it returns, rolled back when it throws. */
  transaction<T>(work: (tx: DirectTx) => Promise<T>): Promise<T>;
};

/** A value as the driver stores it: an instant read from SQLite's text or PostgreSQL's Date. */
export const instant = (value: unknown): Date | null =>
  value === null || value === undefined
    ? null
    : value instanceof Date
      ? value
      : new Date(typeof value === 'string' ? value : Number(value));
/** A boolean column (SQLite 0/1). */
export const flag = (value: unknown): boolean => value === true || Number(value) === 1;
/** An integer column (PostgreSQL returns BIGINT and COUNT as text). */
export const whole = (value: unknown): number => Number(value);

/** At most this many transactions share one COMMIT (a bulk import's batch is one of them). */
export const MAX_GROUP = 32;

export function sqliteDirect(
  connect: () => Promise<{ client: BetterSqlite3; queue: Queue }>,
): DirectSql {
  const statements = new Map<string, Statement>();
  const compiled = (client: BetterSqlite3, sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      // The class's own prepare: the connection's is the Prisma adapter's cache (statement-cache.ts).
      statement = Object.getPrototypeOf(client).prepare.call(client, sql) as Statement;
      statement.safeIntegers(false);
      statements.set(sql, statement);
    }
    return statement;
  };
  const args = (query: Prisma.Sql) =>
    query.values.map((v) =>
      v instanceof Date
        ? v.toISOString().replace('Z', '+00:00')
        : typeof v === 'boolean'
          ? Number(v)
          : v,
    );
  const txOn = (client: BetterSqlite3): DirectTx => ({
    async rows(query) {
      const values = args(query);
      noteStatement(query.sql, values);
      const statement = compiled(client, query.sql);
      return statement.reader
        ? (statement.all(...values) as Row[])
        : (statement.run(...values), []);
    },
    async run(query) {
      const values = args(query);
      noteStatement(query.sql, values);
      return compiled(client, query.sql).run(...values).changes;
    },
  });
  const exclusive = async <T>(work: (client: BetterSqlite3) => Promise<T>) => {
    const { client, queue } = await connect();
    return queue.run(() => work(client));
  };
  const statement = (client: BetterSqlite3, sql: string) => {
    noteStatement(sql);
    compiled(client, sql).run();
  };

  // Group commit. A transaction's COMMIT writes every page it changed to the WAL: about 100 KB for
  // a new key (the key's row and nine indexes, the search index's segment, the audit event, the
  // counts), some 165 µs of a create on this machine. Transactions asked for in the same turn of
  // the event loop run one after another inside one BEGIN … COMMIT, each but the first in a
  // SAVEPOINT so that one that fails is undone alone; pages they share are written once. Each is
  // answered only after the shared COMMIT, so nothing is acknowledged that a failed COMMIT loses.
  type Pending = {
    work: (tx: DirectTx) => Promise<unknown>;
    resolve: (value: unknown) => void;
    reject: (error: unknown) => void;
  };
  const waiting: Pending[] = [];
  /** Runs a group's work in one transaction; answers each once it is committed or refused. */
  const runGroup = async (client: BetterSqlite3, group: Pending[]) => {
    const done: [Pending, unknown][] = [];
    const failAll = (error: unknown) => {
      for (const [item] of done) item.reject(error);
      done.length = 0;
    };
    try {
      statement(client, 'BEGIN');
      for (const item of group) {
        // The first of a transaction is undone by rolling it all back; a later one by its
        // savepoint, which keeps the work of those before it.
        const first = done.length === 0;
        if (!first) statement(client, 'SAVEPOINT "grouped"');
        try {
          const result = await item.work(txOn(client));
          if (!first) statement(client, 'RELEASE "grouped"');
          done.push([item, result]);
        } catch (error) {
          item.reject(error);
          if (!client.inTransaction) {
            // SQLite ended the transaction itself (a full disk, an I/O error): the group's writes
            // are gone, and none of them was answered yet.
            failAll(error);
            statement(client, 'BEGIN');
          } else if (first) {
            statement(client, 'ROLLBACK');
            statement(client, 'BEGIN');
          } else {
            statement(client, 'ROLLBACK TO "grouped"');
            statement(client, 'RELEASE "grouped"');
          }
        }
      }
      statement(client, 'COMMIT');
    } catch (error) {
      if (client.inTransaction) statement(client, 'ROLLBACK');
      for (const item of group) item.reject(error); // a promise already settled ignores it
      return;
    }
    for (const [item, result] of done) item.resolve(result);
  };
  const flush = async () => {
    const group = waiting.splice(0, MAX_GROUP);
    if (waiting.length > 0) setImmediate(flush);
    try {
      const { client, queue } = await connect();
      await queue.run(() => runGroup(client, group));
    } catch (error) {
      for (const item of group) item.reject(error);
    }
  };

  return {
    rows: (query) => exclusive((client) => txOn(client).rows(query)),
    run: (query) => exclusive((client) => txOn(client).run(query)),
    transaction: <T>(work: (tx: DirectTx) => Promise<T>) =>
      new Promise<T>((resolve, reject) => {
        // The first of a turn schedules the group; those asked for before it runs join it.
        if (waiting.length === 0) setImmediate(flush);
        waiting.push({ work, resolve: resolve as (value: unknown) => void, reject });
      }),
  };
}

const pgValue = (v: unknown) => (v instanceof Date ? v.toISOString().replace('Z', '') : v);

/** `timestamp` (OID 1114) columns hold UTC instants, as Prisma writes them, whatever the process's zone. */
const utcTimestamps: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 1114
      ? (text: string) => new Date(`${text.replace(' ', 'T')}Z`)
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

export function postgresDirect(pool: pg.Pool): DirectSql {
  const types = utcTimestamps;
  const names = new Map<string, string>();
  const config = (query: Prisma.Sql): pg.QueryConfig => {
    const text = query.text;
    let name = names.get(text);
    if (!name) names.set(text, (name = `kd_${names.size}`));
    return { name, text, values: query.values.map(pgValue), types };
  };
  const txOn = (client: pg.Pool | pg.PoolClient): DirectTx => ({
    async rows(query) {
      const statement = config(query);
      noteStatement(statement.text, statement.values);
      return (await client.query(statement)).rows as Row[];
    },
    async run(query) {
      const statement = config(query);
      noteStatement(statement.text, statement.values);
      return (await client.query(statement)).rowCount ?? 0;
    },
  });
  return {
    ...txOn(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        noteStatement('BEGIN');
        await client.query('BEGIN');
        const result = await work(txOn(client));
        noteStatement('COMMIT');
        await client.query('COMMIT');
        return result;
      } catch (error) {
        noteStatement('ROLLBACK');
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

/** Prisma's SQL template and list join, for modules outside the data layer's Prisma imports. */
export const sql = Prisma.sql;
export const joinSql = Prisma.join;
