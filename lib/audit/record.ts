import type { Actor } from '@/lib/auth/authorize';
import { newTimeOrderedId } from '@/lib/ids';
import { Prisma } from '@/lib/generated/prisma/client';
import { jsonRecords, typedParam } from '@/lib/database/json-records';
import type { Engine } from '@/lib/database/url';

export type AuditEntry = {
  /** What happened, as `object.verb`: license_key.issued, member.role_changed, … */
  action: string;
  objectType: string;
  objectId: string;
  /** One line a person can read in the trail. Never a whole license key. */
  summary: string;
};

/**
 * Records a write in the audit trail. Call it with the transaction that makes the write, so the
 * event exists exactly when the change does. `at` is when it happened, for a change that also
 * counts elsewhere at that instant (the overview's activity); by default, now.
 */
export function recordAudit(
  tx: Prisma.TransactionClient,
  actor: Actor,
  entry: AuditEntry,
  at?: Date,
) {
  return tx.auditEvent.create({
    data: {
      id: newTimeOrderedId('evt'),
      ...(at ? { createdAt: at } : {}),
      businessId: actor.businessId,
      actorType: actor.type,
      actorId: actor.id,
      actorName: actor.name,
      actorRole: actor.role,
      requestId: actor.requestId,
      ...entry,
    },
    select: { id: true },
  });
}

/** recordAudit as one statement, for the hot paths' transactions (lib/database/direct.ts). */
export function auditStatement(actor: Actor, entry: AuditEntry, at: Date): Prisma.Sql {
  return Prisma.sql`INSERT INTO "AuditEvent" ("id", "businessId", "actorType", "actorId",
      "actorName", "actorRole", "action", "objectType", "objectId", "summary", "requestId",
      "createdAt")
    VALUES (${newTimeOrderedId('evt')}, ${actor.businessId}, ${actor.type}, ${actor.id},
      ${actor.name}, ${actor.role}, ${entry.action}, ${entry.objectType}, ${entry.objectId},
      ${entry.summary}, ${actor.requestId}, ${at})`;
}

/** recordAudit for many entries of one actor at one instant, in one statement (a bulk import). */
export function auditManyStatement(
  engine: Engine,
  actor: Actor,
  entries: AuditEntry[],
  at: Date,
): Prisma.Sql {
  const rows = entries.map((entry) => ({ id: newTimeOrderedId('evt'), ...entry }));
  const table = jsonRecords(engine, rows, {
    id: 'text',
    action: 'text',
    objectType: 'text',
    objectId: 'text',
    summary: 'text',
  });
  const value = (v: unknown) => typedParam(engine, v, 'text');
  return Prisma.sql`INSERT INTO "AuditEvent" ("id", "businessId", "actorType", "actorId",
      "actorName", "actorRole", "action", "objectType", "objectId", "summary", "requestId",
      "createdAt")
    SELECT "a"."id", ${value(actor.businessId)}, ${value(actor.type)}, ${value(actor.id)},
      ${value(actor.name)}, ${value(actor.role)}, "a"."action", "a"."objectType", "a"."objectId",
      "a"."summary", ${value(actor.requestId)}, ${typedParam(engine, at, 'timestamp')}
    FROM ${table} AS "a"`;
}
