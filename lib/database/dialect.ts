import { Prisma } from '@/lib/generated/prisma/client';

// SQL that reads the same on SQLite and PostgreSQL. Where the engines differ (the customer search
// index), the caller switches on `dbEngine` from lib/db.ts; everything here works on both.

/**
 * The escape character of Keydesk's LIKE patterns. Not the backslash: PostgreSQL treats a
 * backslash in a LIKE pattern as an escape by default and SQLite does not, so `\` is exactly where
 * Prisma's `contains` already behaves differently on the two engines.
 */
const LIKE_ESCAPE = '!';

/** `text` with LIKE's wildcards (`%`, `_`) and the escape character made literal. */
export function escapeLike(text: string): string {
  return text.replace(/[!%_]/g, (char) => `${LIKE_ESCAPE}${char}`);
}

/**
 * `column LIKE '%text%'`, matching `text` as written (a `%` or `_` in it is no wildcard), on both
 * engines. Case-sensitive on PostgreSQL and ASCII-case-insensitive on SQLite: compare lower-cased
 * columns with lower-cased text. On PostgreSQL a trigram (pg_trgm) index on the column serves it.
 * On SQLite the statement is compiled again each time the pattern is bound (its planner looks at a
 * bound LIKE pattern): fine for a search, not for a hot path (see lib/webhooks/data-events.ts).
 */
export function likeContains(column: Prisma.Sql, text: string): Prisma.Sql {
  return Prisma.sql`${column} LIKE ${`%${escapeLike(text)}%`} ESCAPE '!'`;
}
