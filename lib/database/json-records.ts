import { Prisma } from '@/lib/generated/prisma/client';
import type { Engine } from './url';

// Many rows in one parameter: a JSON array read as a table by the database itself (SQLite's
// json_each, PostgreSQL's json_to_recordset). One SQL text serves any number of rows, so a batch
// of 1 or 1,000 rows is the same compiled statement (lib/database/direct.ts keeps one per text),
// and no batch runs into the engines' limits on bound parameters.

export type JsonColumnType = 'text' | 'integer' | 'bigint' | 'boolean' | 'timestamp';
export type JsonColumns = Record<string, JsonColumnType>;

const PG_TYPES: Record<JsonColumnType, string> = {
  text: 'text',
  integer: 'integer',
  bigint: 'bigint',
  boolean: 'boolean',
  timestamp: 'timestamp(3)',
};

/** A value as the engine stores it (lib/database/direct.ts): instants as ISO text, booleans. */
function stored(engine: Engine, value: unknown): unknown {
  if (value instanceof Date) {
    const iso = value.toISOString();
    return engine === 'sqlite' ? iso.replace('Z', '+00:00') : iso.replace('Z', '');
  }
  if (typeof value === 'boolean' && engine === 'sqlite') return value ? 1 : 0;
  return value ?? null;
}

/**
 * `rows` as a derived table with `columns` (name to type), for `INSERT … SELECT … FROM` or a join.
 * Each row is an object with those keys; a missing one reads as NULL.
 */
export function jsonRecords(
  engine: Engine,
  rows: readonly Record<string, unknown>[],
  columns: JsonColumns,
): Prisma.Sql {
  const names = Object.keys(columns);
  const json = JSON.stringify(
    rows.map((row) => Object.fromEntries(names.map((name) => [name, stored(engine, row[name])]))),
  );
  if (engine === 'postgresql') {
    const types = names.map((name) => `"${name}" ${PG_TYPES[columns[name]]}`).join(', ');
    return Prisma.sql`(SELECT * FROM json_to_recordset(CAST(${json} AS json)) AS "r"(${Prisma.raw(types)}))`;
  }
  const fields = names.map((name) => `"value" ->> '$.${name}' AS "${name}"`).join(', ');
  return Prisma.sql`(SELECT ${Prisma.raw(fields)} FROM json_each(${json}))`;
}

/**
 * `column` is one of `values`: on PostgreSQL `= ANY` of one array parameter, which the planner
 * turns into index lookups whatever its statistics say (an `IN (SELECT …)` of a function it cannot
 * see into may become a scan of the table); on SQLite `IN` a JSON array read by json_each.
 */
export function inTexts(engine: Engine, column: Prisma.Sql, values: readonly string[]): Prisma.Sql {
  return engine === 'postgresql'
    ? Prisma.sql`${column} = ANY(CAST(${[...values]} AS text[]))`
    : Prisma.sql`${column} IN (SELECT "value" FROM json_each(${JSON.stringify(values)}))`;
}

/**
 * A parameter with the type PostgreSQL must be told where nothing else gives it one (the SELECT
 * list of an INSERT … SELECT); SQLite takes it as it is (its CAST to a timestamp would make a number).
 */
export function typedParam(engine: Engine, value: unknown, type: JsonColumnType): Prisma.Sql {
  return engine === 'postgresql'
    ? Prisma.sql`CAST(${value} AS ${Prisma.raw(PG_TYPES[type])})`
    : Prisma.sql`${value}`;
}
