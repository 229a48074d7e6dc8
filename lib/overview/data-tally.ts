import 'server-only';
import { randomInt } from 'node:crypto';
import { dbEngine } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import {
  quarterOf,
  TALLY_COLUMNS,
  tallyDeltas,
  type ActivityCounts,
  type TalliedKey,
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

/** Counts a change to one key of `businessId` (`before` null: created) in KeyTally. */
export async function tallyKeyChange(
  tx: Prisma.TransactionClient,
  businessId: string,
  before: TalliedKey | null,
  after: TalliedKey | null,
): Promise<void> {
  for (const { productId, expiryDay, counts } of tallyDeltas(before, after)) {
    await tx.$executeRaw`INSERT INTO "KeyTally" ("businessId", "productId", "expiryDay", "slot",
        "keys", "disabled", "unlimited", "usedUnlimited", "limitSum", "usedLimited", "atLimit")
      VALUES (${businessId}, ${productId}, ${expiryDay}, ${slot()}, ${counts.keys},
        ${counts.disabled}, ${counts.unlimited}, ${counts.usedUnlimited}, ${counts.limitSum},
        ${counts.usedLimited}, ${counts.atLimit})
      ON CONFLICT ("businessId", "productId", "expiryDay", "slot") DO UPDATE SET ${addTally}`;
  }
}

/** Counts what happened at `at` (a new key, an activation, a deactivation) in ActivityRollup. */
export async function recordActivity(
  tx: Prisma.TransactionClient,
  businessId: string,
  at: Date,
  counts: ActivityCounts,
): Promise<void> {
  const {
    keysAuto = 0,
    keysImport = 0,
    keysManual = 0,
    activations = 0,
    deactivations = 0,
  } = counts;
  await tx.$executeRaw`INSERT INTO "ActivityRollup" ("businessId", "quarter", "slot", "keysAuto",
      "keysImport", "keysManual", "activations", "deactivations")
    VALUES (${businessId}, ${quarterOf(at)}, ${slot()}, ${keysAuto}, ${keysImport}, ${keysManual},
      ${activations}, ${deactivations})
    ON CONFLICT ("businessId", "quarter", "slot") DO UPDATE SET ${addActivity}`;
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
