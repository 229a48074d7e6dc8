import 'server-only';
import { db, dbEngine } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { quarterOf } from './counts';
import { addActivity, addTally } from './data-tally';

// The overview's counters on PostgreSQL are spread over slots while they are written (data-tally.ts),
// which multiplies the rows a read sums. This folds the other slots into slot 0, in one statement
// per table: the rows it deletes are locked and their values moved in the same statement, and a
// writer adding to a row being folded waits, then adds to a fresh row, so no count is lost. The
// current and the previous quarter hour are left alone: they are still being written.
//
// One compaction at a time, across processes: every server process runs the compactor, and
// processes started together run it at the same moments. Two at once deleted the same rows in
// different orders and locked each other (PostgreSQL killed one: 40P01, deadlock detected). A
// transaction-level advisory lock lets one fold; one that finds it taken folds nothing this round,
// as the other is doing the work.

const COMPACT_EVERY_MS = 5 * 60_000;

/** Folds the slots of a PostgreSQL database's overview counters into slot 0. Returns rows folded. */
export async function compactOverviewCounts(now = new Date()): Promise<number> {
  if (dbEngine !== 'postgresql') return 0;
  const before = quarterOf(now) - 1;
  return db.$transaction(
    async (tx) => {
      const [{ locked }] = await tx.$queryRaw<{ locked: boolean }[]>`
        SELECT pg_try_advisory_xact_lock(hashtext('keydesk.overview.compact')) AS "locked"`;
      if (!locked) return 0;
      return (await foldTallies(tx)) + (await foldRollups(tx, before));
    },
    // Folding a large backlog (after a long outage, say) may take a while; writers are not held up
    // meanwhile beyond the rows being folded.
    { timeout: 10 * 60_000 },
  );
}

function foldTallies(tx: Prisma.TransactionClient) {
  return tx.$executeRaw`WITH moved AS (
      DELETE FROM "KeyTally" WHERE "slot" > 0
      RETURNING "businessId", "productId", "expiryDay", "keys", "disabled", "unlimited",
        "usedUnlimited", "limitSum", "usedLimited", "atLimit")
    INSERT INTO "KeyTally" ("businessId", "productId", "expiryDay", "slot", "keys", "disabled",
      "unlimited", "usedUnlimited", "limitSum", "usedLimited", "atLimit")
    SELECT "businessId", "productId", "expiryDay", 0, sum("keys"), sum("disabled"), sum("unlimited"),
      sum("usedUnlimited"), sum("limitSum"), sum("usedLimited"), sum("atLimit")
    FROM moved GROUP BY "businessId", "productId", "expiryDay"
    ON CONFLICT ("businessId", "productId", "expiryDay", "slot") DO UPDATE SET ${addTally}`;
}

function foldRollups(tx: Prisma.TransactionClient, before: number) {
  return tx.$executeRaw`WITH moved AS (
      DELETE FROM "ActivityRollup" WHERE "slot" > 0 AND "quarter" < ${before}
      RETURNING "businessId", "quarter", "keysAuto", "keysImport", "keysManual", "activations",
        "deactivations")
    INSERT INTO "ActivityRollup" ("businessId", "quarter", "slot", "keysAuto", "keysImport",
      "keysManual", "activations", "deactivations")
    SELECT "businessId", "quarter", 0, sum("keysAuto"), sum("keysImport"), sum("keysManual"),
      sum("activations"), sum("deactivations")
    FROM moved GROUP BY "businessId", "quarter"
    ON CONFLICT ("businessId", "quarter", "slot") DO UPDATE SET ${addActivity}`;
}

const KEY = Symbol.for('keydesk.overview.compactor');

/** Every five minutes in a PostgreSQL server process (instrumentation.ts); nothing on SQLite. */
export function startOverviewCompactor(): void {
  const store = globalThis as { [KEY]?: NodeJS.Timeout };
  if (dbEngine !== 'postgresql' || store[KEY]) return;
  store[KEY] = setInterval(() => {
    compactOverviewCounts().catch((error: unknown) => {
      // The database is away, say: the next round tries again; nothing is lost meanwhile.
      console.error(
        JSON.stringify({
          level: 'error',
          time: new Date().toISOString(),
          message: 'Could not compact the overview counts',
          error: error instanceof Error ? error.message : String(error),
        }),
      );
    });
  }, COMPACT_EVERY_MS).unref();
}
