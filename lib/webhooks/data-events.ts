import 'server-only';
import { dbEngine } from '@/lib/db';
import type { DirectTx } from '@/lib/database/direct';
import { jsonRecords } from '@/lib/database/json-records';
import { Prisma } from '@/lib/generated/prisma/client';
import { newTimeOrderedId, randomBytesFromPool } from '@/lib/ids';
import { webhookPayload, type WebhookEventInput } from './payload';

// Events are written by the change they describe, in its transaction (the outbox of webhooks): a
// crash after the commit loses nothing, a rollback sends nothing. A business with no enabled
// endpoint that wants the type gets no row at all, in the same statement, so the hot paths pay one
// conditional INSERT and no read. lib/webhooks/worker.ts makes the deliveries and sends them.

/**
 * Whether an enabled endpoint of `businessId` (an SQL expression) wants events of `type`.
 *
 * The type is written into the SQL as a literal, not bound: SQLite re-prepares a statement whenever
 * a parameter used as a LIKE pattern gets a value (so that its planner may use the pattern), and
 * that re-prepare was most of this statement's cost on every create and activation (62–100 µs in
 * the server, 12 µs with the literal). Event types are Keydesk's own names, checked here to be
 * nothing but lower-case letters, dots and underscores.
 */
function wanted(businessId: Prisma.Sql, type: string) {
  if (!/^[a-z_.]+$/.test(type))
    throw new Error(`Not a webhook event type: ${JSON.stringify(type)}`);
  const pattern = Prisma.raw(`'%"${type}"%'`);
  return Prisma.sql`EXISTS (SELECT 1 FROM "WebhookEndpoint" AS "we"
    WHERE "we"."businessId" = ${businessId} AND "we"."disabled" = false
      AND ("we"."filterTypes" = '[]' OR "we"."filterTypes" LIKE ${pattern}))`;
}

/** A parameter with the type PostgreSQL must be told in an INSERT … SELECT; SQLite takes it as is. */
function typed(value: unknown, type: 'text' | 'timestamp(3)') {
  return dbEngine === 'postgresql'
    ? Prisma.sql`CAST(${value} AS ${Prisma.raw(type)})`
    : Prisma.sql`${value}`;
}

/**
 * The event as one statement, for a transaction of the caller (Prisma's `tx.$executeRaw` or the
 * direct path's `tx.run`). Answers 1 when it was written, 0 when nobody wants it.
 */
export function webhookEventStatement(businessId: string, event: WebhookEventInput): Prisma.Sql {
  return Prisma.sql`INSERT INTO "WebhookEvent" ("id", "businessId", "type", "payload", "fannedOut",
      "createdAt")
    SELECT ${typed(newTimeOrderedId('msg', event.at.getTime()), 'text')},
      ${typed(businessId, 'text')}, ${typed(event.type, 'text')},
      ${typed(webhookPayload(businessId, event), 'text')}, false, ${typed(event.at, 'timestamp(3)')}
    WHERE ${wanted(Prisma.sql`${businessId}`, event.type)}`;
}

/**
 * The event as a part of one PostgreSQL statement (a data-modifying WITH) whose earlier part `from`
 * returns the changed row, with its "businessId": the values only the statement knows (a generated
 * key's string, the key's id) are taken from that row. `fill` maps fields of `event.data` (a flat
 * object) to columns of `from`: written as placeholders, then replaced in SQL. They are ids and
 * generated keys, which need no JSON escaping. Answers one row per event written.
 */
export function webhookEventFrom(
  from: string,
  event: WebhookEventInput,
  fill: Record<string, string>,
): Prisma.Sql {
  const table = Prisma.raw(`"${from}"`);
  const column = (name: string) => Prisma.sql`${table}.${Prisma.raw(`"${name}"`)}`;
  const data = { ...(event.data as Record<string, unknown>) };
  const replacements: [string, Prisma.Sql][] = [];
  const placeholder = () => `{{${randomBytesFromPool(8).toString('hex')}}}`;
  const business = placeholder();
  replacements.push([business, column('businessId')]);
  for (const [field, name] of Object.entries(fill)) {
    data[field] = placeholder();
    replacements.push([String(data[field]), column(name)]);
  }
  let payload = Prisma.sql`CAST(${webhookPayload(business, { ...event, data })} AS text)`;
  for (const [text, value] of replacements) {
    payload = Prisma.sql`REPLACE(${payload}, CAST(${text} AS text), ${value})`;
  }
  return Prisma.sql`INSERT INTO "WebhookEvent" ("id", "businessId", "type", "payload", "fannedOut",
      "createdAt")
    SELECT CAST(${newTimeOrderedId('msg', event.at.getTime())} AS text), ${column('businessId')},
      CAST(${event.type} AS text), ${payload}, false, CAST(${event.at} AS timestamp(3))
    FROM ${table}
    WHERE ${wanted(column('businessId'), event.type)}
    RETURNING 1 AS "written"`;
}

/** Writes the events inside the caller's Prisma transaction; answers how many were written. */
export async function emitWebhookEvents(
  tx: Prisma.TransactionClient,
  businessId: string,
  events: WebhookEventInput[],
): Promise<number> {
  let written = 0;
  for (const event of events) {
    written += await tx.$executeRaw(webhookEventStatement(businessId, event));
  }
  return written;
}

/**
 * Which event types an enabled endpoint of the business wants, read once for a batch of changes
 * (a bulk import), so that payloads are built only for events someone will receive.
 */
export async function wantedEventTypes(
  tx: DirectTx,
  businessId: string,
): Promise<(type: WebhookEventInput['type']) => boolean> {
  const rows = await tx.rows(Prisma.sql`SELECT "filterTypes" FROM "WebhookEndpoint"
    WHERE "businessId" = ${businessId} AND "disabled" = false`);
  const filters = rows.map((row) => JSON.parse(String(row.filterTypes)) as string[]);
  return (type) => filters.some((types) => types.length === 0 || types.includes(type));
}

/** Many events of one business in one statement (wanted ones only: see wantedEventTypes). */
export function webhookEventsStatement(
  businessId: string,
  events: readonly WebhookEventInput[],
): Prisma.Sql {
  const rows = events.map((event) => ({
    id: newTimeOrderedId('msg', event.at.getTime()),
    type: event.type,
    payload: webhookPayload(businessId, event),
    createdAt: event.at,
  }));
  const table = jsonRecords(dbEngine, rows, {
    id: 'text',
    type: 'text',
    payload: 'text',
    createdAt: 'timestamp',
  });
  return Prisma.sql`INSERT INTO "WebhookEvent" ("id", "businessId", "type", "payload", "fannedOut",
      "createdAt")
    SELECT "e"."id", ${typed(businessId, 'text')}, "e"."type", "e"."payload", false, "e"."createdAt"
    FROM ${table} AS "e"`;
}
