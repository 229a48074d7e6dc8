import 'server-only';
import { auditManyStatement, type AuditEntry } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/authorize';
import { dbEngine, direct } from '@/lib/db';
import { whole, type DirectTx } from '@/lib/database/direct';
import { jsonRecords, typedParam } from '@/lib/database/json-records';
import { Prisma } from '@/lib/generated/prisma/client';
import { activityStatement, tallyManyStatement } from '@/lib/overview/data-tally';
import type { TalliedKey } from '@/lib/overview/counts';
import { wantedEventTypes, webhookEventsStatement } from '@/lib/webhooks/data-events';
import type { WebhookEventInput } from '@/lib/webhooks/payload';
import { existingKeys } from './data-batch-lookup';
import { insertKeys, updateKey, type Written } from './data-batch-write';
import { rowOutcome, type ExistingKey, type RowOutcome } from './outcome';
import type { ImportField } from './fields';
import type { ImportRow } from './rows';

// One batch of a pass of a bulk import, as one transaction: the rows are checked against the keys
// Keydesk holds (locked on PostgreSQL), and, on the import pass, the new keys are written with
// their customers, audit events, overview counts and webhook events, the changed keys updated,
// and the job's progress moved on, all or nothing. The progress is written only while this worker
// still holds the job's lease, so a worker that lost it cannot count a batch twice.

export type ImportProblem = {
  line: number;
  kind: 'error' | 'conflict';
  column: string;
  message: string;
};
export type BatchCounts = {
  created: number;
  present: number;
  conflicts: number;
  errors: number;
  updated: number;
};

export type BatchJob = {
  id: string;
  businessId: string;
  actor: Actor;
  fileName: string;
  updateExisting: boolean;
  workerId: string;
  pass: 'check' | 'import';
  /** The file's header text of the column a field is read from, for problems. */
  columnOf(field: ImportField): string;
  productName(productId: string): string;
};

export type Batch = {
  /** The valid rows. */
  rows: ImportRow[];
  /** Problems the reader found (field errors, duplicates), and how many rows they are on. */
  problems: ImportProblem[];
  errorRows: number;
  /** File rows this batch covers; the job's progress moves on by this many. */
  records: number;
  /** Extra columns of the job to set with this batch's progress (the preview), from its outcomes. */
  jobUpdate?: (outcomes: Map<number, RowOutcome>) => Prisma.Sql[];
};

export class LeaseLostError extends Error {
  constructor(jobId: string) {
    super(`Import job ${jobId}: another worker holds it now`);
  }
}

/**
 * PostgreSQL: plan each statement of the batch for its own values. A cached generic plan, made
 * while the tables were small, went on scanning the business's customers for every batch as they
 * grew to tens of thousands (27 s of a 100,000-row import).
 */
const CUSTOM_PLANS = Prisma.sql`SELECT set_config('plan_cache_mode', 'force_custom_plan', true)`;

/** How long a worker holds a running job without committing a batch (each batch renews it). */
export const IMPORT_LEASE_MS = 60_000;

/** Runs one batch; answers its counts and the rows the pass has now done. */
export async function commitBatch(
  job: BatchJob,
  batch: Batch,
): Promise<{ counts: BatchCounts; rowsDone: number }> {
  return direct.transaction(async (tx) => {
    const at = new Date();
    if (dbEngine === 'postgresql') await tx.rows(CUSTOM_PLANS);
    const found = await existingKeys(
      tx,
      batch.rows.map((row) => row.key),
      job.pass === 'import',
    );
    const outcomes = new Map<number, RowOutcome>();
    const counts: BatchCounts = { created: 0, present: 0, conflicts: 0, updated: 0, errors: 0 };
    counts.errors = batch.errorRows;
    const problems = [...batch.problems];
    const creating: ImportRow[] = [];
    const updating: { row: ImportRow; existing: ExistingKey & { key: string } }[] = [];
    for (const row of batch.rows) {
      const existing = found.get(row.key);
      const outcome = rowOutcome(row, existing, job.businessId, job.updateExisting);
      outcomes.set(row.line, outcome);
      if (outcome.kind === 'create') {
        counts.created += 1;
        creating.push(row);
      } else if (outcome.kind === 'present') {
        counts.present += 1;
      } else if (outcome.kind === 'update') {
        counts.updated += 1;
        updating.push({ row, existing: existing! });
      } else {
        if (outcome.kind === 'conflict') counts.conflicts += 1;
        else counts.errors += 1;
        const column = job.columnOf(outcome.column);
        problems.push({ line: row.line, kind: outcome.kind, column, message: outcome.message });
      }
    }
    if (job.pass === 'import') {
      const wanted = await wantedEventTypes(tx, job.businessId);
      const events: WebhookEventInput[] = [];
      const tallied: [TalliedKey | null, TalliedKey | null][] = [];
      const audit: AuditEntry[] = [];
      const written: Written = { wanted, events, tallied, audit };
      await insertKeys(tx, job, creating, at, written);
      for (const { row, existing } of updating) await updateKey(tx, job, row, existing, written);
      const tally = tallyManyStatement(job.businessId, tallied);
      if (tally) await tx.run(tally);
      if (creating.length > 0) {
        await tx.run(activityStatement(job.businessId, at, { keysImport: creating.length }));
      }
      if (audit.length > 0) await tx.run(auditManyStatement(dbEngine, job.actor, audit, at));
      if (events.length > 0) await tx.run(webhookEventsStatement(job.businessId, events));
    }
    if (problems.length > 0) await tx.run(problemsStatement(job.id, problems));
    const rowsDone = await moveProgress(tx, job, batch, outcomes, counts, at);
    return { counts, rowsDone };
  });
}

/** The batch's problems as rows of ImportProblem, numbered within their line. */
function problemsStatement(jobId: string, problems: ImportProblem[]): Prisma.Sql {
  const seq = new Map<number, number>();
  const rows = problems.map((problem) => {
    const n = seq.get(problem.line) ?? 0;
    seq.set(problem.line, n + 1);
    return { ...problem, seq: n };
  });
  const table = jsonRecords(dbEngine, rows, {
    line: 'integer',
    seq: 'integer',
    kind: 'text',
    column: 'text',
    message: 'text',
  });
  return Prisma.sql`INSERT INTO "ImportProblem" ("jobId", "line", "seq", "kind", "column", "message")
    SELECT ${typedParam(dbEngine, jobId, 'text')}, "p"."line", "p"."seq", "p"."kind", "p"."column",
      "p"."message"
    FROM ${table} AS "p"`;
}

/** Moves the job on by the batch, only while this worker holds it; renews the lease. */
async function moveProgress(
  tx: DirectTx,
  job: BatchJob,
  batch: Batch,
  outcomes: Map<number, RowOutcome>,
  counts: BatchCounts,
  at: Date,
): Promise<number> {
  const extra = batch.jobUpdate?.(outcomes) ?? [];
  const [moved] = await tx.rows(Prisma.sql`UPDATE "ImportJob" SET
      "rowsDone" = "rowsDone" + ${batch.records},
      "created" = "created" + ${counts.created}, "present" = "present" + ${counts.present},
      "conflicts" = "conflicts" + ${counts.conflicts}, "errors" = "errors" + ${counts.errors},
      "updated" = "updated" + ${counts.updated},
      ${Prisma.join([...extra, Prisma.sql`"lockedUntil" = ${new Date(at.getTime() + IMPORT_LEASE_MS)}`, Prisma.sql`"updatedAt" = ${at}`], ', ')}
    WHERE "id" = ${job.id} AND "claimedBy" = ${job.workerId}
    RETURNING "rowsDone"`);
  if (!moved) throw new LeaseLostError(job.id);
  return whole(moved.rowsDone);
}
