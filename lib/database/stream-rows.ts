import 'server-only';
import Database from 'better-sqlite3';
import pg from 'pg';
import Cursor from 'pg-cursor';
import type { Prisma } from '@/lib/generated/prisma/client';
import { parseDatabaseUrl } from './url';

/** Rows a PostgreSQL cursor fetches at a time. */
const FETCH_ROWS = 1000;

/**
 * The rows of one read-only query, one at a time, however many there are: for reads too large for
 * an array (the CSV export of a million keys). Prisma answers every query with an array of all its
 * rows, and a million rows in several representations at once are promoted to the old generation
 * and grow the heap by hundreds of megabytes before a full collection; read row by row, each row
 * dies young. So this goes to the driver: on SQLite a read-only connection of its own (WAL: it
 * reads one snapshot and blocks no writer) iterating the statement; on PostgreSQL a connection of
 * its own with a server-side cursor (pg-cursor, of node-postgres), FETCH_ROWS rows at a time. Both
 * are closed when the iteration ends, early or not.
 *
 * Rows come as the driver reads them: SQLite's DateTime as Prisma's text form, its booleans as 0/1.
 */
export async function* streamRows<Row>(
  databaseUrl: string,
  query: Prisma.Sql,
): AsyncGenerator<Row> {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.engine === 'sqlite') {
    const connection = new Database(target.file, { readonly: true, fileMustExist: true });
    try {
      const statement = connection.prepare(query.sql);
      // A read transaction for the whole iteration: one snapshot, however long the reader takes.
      connection.exec('BEGIN');
      for (const row of statement.iterate(...query.values.map(sqliteArgument))) yield row as Row;
    } finally {
      if (connection.inTransaction) connection.exec('COMMIT');
      connection.close();
    }
    return;
  }
  const client = new pg.Client({
    connectionString: target.url,
    application_name: 'keydesk-stream',
  });
  await client.connect();
  try {
    const cursor = client.query(new Cursor<Row>(query.text, query.values));
    try {
      for (;;) {
        const rows = await cursor.read(FETCH_ROWS);
        if (rows.length === 0) return;
        yield* rows;
      }
    } finally {
      await cursor.close();
    }
  } finally {
    await client.end();
  }
}

/** A query argument as Prisma's SQLite adapter writes it (DateTime as ISO text with +00:00). */
function sqliteArgument(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace('Z', '+00:00');
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}
