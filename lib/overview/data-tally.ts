import 'server-only';
import { randomInt } from 'node:crypto';
import { dbEngine } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { jsonRecords, typedParam } from '@/lib/database/json-records';
import {
  NEVER_EXPIRES_DAY,
  quarterOf,
  TALLY_COLUMNS,
  tallyDeltas,
  zeroCounts,
  type ActivityCounts,
  type TalliedKey,
  type TallyDelta,
} from './counts';

// The overview's counts, kept by the writers themselves: each function here runs inside the
// transaction of the change it counts, so the counts exist exactly when the change does, on every
// surface (dashboard, API, public endpoints, CLI). Call them last in the transaction: on PostgreSQL
// the row they add to stays locked until the commit.

/**
 * Rows per counter on PostgreSQL, picked at random by each write, so that concurrent writers of
 * one business rarely wait on each other's row lock; readers sum over them. SQLite has one writer
 * at a time and keeps one row.
 */
const SLOTS = dbEngine === 'postgresql' ? 4 : 1;
const slot = () => (SLOTS === 1 ? 0 : randomInt(SLOTS));

/** `SET` of an upsert that adds the new row's counts to the row already there. */
const addingUp = (table: string, columns: readonly string[]) =>
  Prisma.raw(
    columns.map((c) => `"${c}" = "${table}"."${c}" + excluded."${c}"`).join(',\n        '),
  );
export const addTally = addingUp('KeyTally', TALLY_COLUMNS);
export const addActivity = addingUp('ActivityRollup', [
  'keysAuto',
  'keysImport',
  'keysManual',
  'activations',
  'deactivations',
]);

/** The statements that count a change to one key of `businessId` (`before` null: created) in KeyTally. */
export function tallyStatements(
  businessId: string,
  before: TalliedKey | null,
  after: TalliedKey | null,
): Prisma.Sql[] {
  return tallyDeltas(before, after).map(
    ({ productId, expiryDay, counts }) => Prisma.sql`INSERT INTO "KeyTally" ("businessId",
        "productId", "expiryDay", "slot", "keys", "disabled", "unlimited", "usedUnlimited",
        "limitSum", "usedLimited", "atLimit")
      VALUES (${businessId}, ${productId}, ${expiryDay}, ${slot()}, ${counts.keys},
        ${counts.disabled}, ${counts.unlimited}, ${counts.usedUnlimited}, ${counts.limitSum},
        ${counts.usedLimited}, ${counts.atLimit})
      ON CONFLICT ("businessId", "productId", "expiryDay", "slot") DO UPDATE SET ${addTally}`,
  );
}

/** Counts a change to one key of `businessId` (`before` null: created) in KeyTally. */
export async function tallyKeyChange(
  tx: Prisma.TransactionClient,
  businessId: string,
  before: TalliedKey | null,
  after: TalliedKey | null,
): Promise<void> {
  for (const statement of tallyStatements(businessId, before, after)) {
    await tx.$executeRaw(statement);
  }
}

/** The statement that counts what happened at `at` (a new key, an activation, a deactivation). */
export function activityStatement(
  businessId: string,
  at: Date,
  counts: ActivityCounts,
): Prisma.Sql {
  const {
    keysAuto = 0,
    keysImport = 0,
    keysManual = 0,
    activations = 0,
    deactivations = 0,
  } = counts;
  return Prisma.sql`INSERT INTO "ActivityRollup" ("businessId", "quarter", "slot", "keysAuto",
      "keysImport", "keysManual", "activations", "deactivations")
    VALUES (${businessId}, ${quarterOf(at)}, ${slot()}, ${keysAuto}, ${keysImport}, ${keysManual},
      ${activations}, ${deactivations})
    ON CONFLICT ("businessId", "quarter", "slot") DO UPDATE SET ${addActivity}`;
}

/**
 * PostgreSQL: the statement that counts one activation of each key in the rows of `keys` (a WITH
 * query of the calling statement, with the key's columns after its own increment), for a
 * data-modifying WITH. The rule is contribution()'s for a key not disabled, one seat more: an
 * unlimited key's used seats, or a limited key's used seats and, when this seat was its last,
 * keys at their limit. The randomized recount test (data.test.ts) holds it to contribution().
 */
export function activationTallyFrom(keys: string): Prisma.Sql {
  const k = Prisma.raw(`"${keys}"`);
  return Prisma.sql`INSERT INTO "KeyTally" ("businessId", "productId", "expiryDay", "slot",
      "keys", "disabled", "unlimited", "usedUnlimited", "limitSum", "usedLimited", "atLimit")
    SELECT ${k}."businessId", ${k}."productId",
      CASE WHEN ${k}."expiresAt" IS NULL THEN ${NEVER_EXPIRES_DAY}
        ELSE FLOOR(EXTRACT(EPOCH FROM ${k}."expiresAt") / 86400)::integer END,
      CAST(${slot()} AS integer), 0, 0, 0,
      CASE WHEN ${k}."activationsLimit" IS NULL THEN 1 ELSE 0 END, 0,
      CASE WHEN ${k}."activationsLimit" IS NULL THEN 0 ELSE 1 END,
      CASE WHEN ${k}."instancesCount" = ${k}."activationsLimit" THEN 1 ELSE 0 END
    FROM ${k}
    ON CONFLICT ("businessId", "productId", "expiryDay", "slot") DO UPDATE SET ${addTally}`;
}

/**
 * PostgreSQL: activityStatement for the business of each row of `keys` (a WITH query of the
 * calling statement), for a data-modifying WITH.
 */
export function activityFrom(keys: string, at: Date, counts: ActivityCounts): Prisma.Sql {
  const k = Prisma.raw(`"${keys}"`);
  const n = (value = 0) => Prisma.sql`CAST(${value} AS integer)`;
  return Prisma.sql`INSERT INTO "ActivityRollup" ("businessId", "quarter", "slot", "keysAuto",
      "keysImport", "keysManual", "activations", "deactivations")
    SELECT ${k}."businessId", ${n(quarterOf(at))}, ${n(slot())}, ${n(counts.keysAuto)},
      ${n(counts.keysImport)}, ${n(counts.keysManual)}, ${n(counts.activations)},
      ${n(counts.deactivations)}
    FROM ${k}
    ON CONFLICT ("businessId", "quarter", "slot") DO UPDATE SET ${addActivity}`;
}

/** Counts what happened at `at` (a new key, an activation, a deactivation) in ActivityRollup. */
export async function recordActivity(
  tx: Prisma.TransactionClient,
  businessId: string,
  at: Date,
  counts: ActivityCounts,
): Promise<void> {
  await tx.$executeRaw(activityStatement(businessId, at, counts));
}

/**
 * Locks a key's row until the commit on PostgreSQL, before a change reads it (SELECT … FOR UPDATE),
 * so that two changes to one key count from the row as each really found it. SQLite runs one write
 * transaction at a time: nothing to do.
 */
export async function lockKeyRow(tx: Prisma.TransactionClient, id: string): Promise<void> {
  if (dbEngine === 'postgresql') {
    await tx.$queryRaw`SELECT 1 FROM "LicenseKey" WHERE "id" = ${id} FOR UPDATE`;
  }
}

/** The columns of a key the tallies read: select them with the key's row. */
export const talliedKeySelect = {
  productId: true,
  expiresAt: true,
  disabled: true,
  activationsLimit: true,
  instancesCount: true,
} as const satisfies Prisma.LicenseKeySelect;

/**
 * Many keys' changes (a batch of a bulk import) counted in KeyTally in one statement: their deltas
 * summed per row first, in the one order of tallyDeltas. Null when they add up to nothing.
 */
export function tallyManyStatement(
  businessId: string,
  changes: readonly [before: TalliedKey | null, after: TalliedKey | null][],
): Prisma.Sql | null {
  const sums = new Map<string, TallyDelta>();
  for (const [before, after] of changes) {
    for (const delta of tallyDeltas(before, after)) {
      const id = `${delta.productId}\u0000${delta.expiryDay}`;
      const sum = sums.get(id) ?? { ...delta, counts: zeroCounts() };
      for (const column of TALLY_COLUMNS) sum.counts[column] += delta.counts[column];
      sums.set(id, sum);
    }
  }
  const rows = [...sums.values()]
    .filter((d) => TALLY_COLUMNS.some((c) => d.counts[c] !== 0))
    .sort((a, b) =>
      a.productId === b.productId ? a.expiryDay - b.expiryDay : a.productId < b.productId ? -1 : 1,
    )
    .map(({ productId, expiryDay, counts }) => ({ productId, expiryDay, ...counts }));
  if (rows.length === 0) return null;
  const columns = Object.fromEntries(
    TALLY_COLUMNS.map((c) => [c, c === 'limitSum' ? ('bigint' as const) : ('integer' as const)]),
  );
  const table = jsonRecords(dbEngine, rows, {
    productId: 'text',
    expiryDay: 'integer',
    ...columns,
  });
  const names = Prisma.raw(TALLY_COLUMNS.map((c) => `"${c}"`).join(', '));
  const picked = Prisma.raw(TALLY_COLUMNS.map((c) => `"d"."${c}"`).join(', '));
  return Prisma.sql`INSERT INTO "KeyTally" ("businessId", "productId", "expiryDay", "slot", ${names})
    SELECT ${typedParam(dbEngine, businessId, 'text')}, "d"."productId", "d"."expiryDay",
      ${typedParam(dbEngine, slot(), 'integer')}, ${picked}
    FROM ${table} AS "d" WHERE true
    ON CONFLICT ("businessId", "productId", "expiryDay", "slot") DO UPDATE SET ${addTally}`;
}
