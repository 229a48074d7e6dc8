import 'server-only';
import { auditManyStatement } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/authorize';
import { db, dbEngine, direct } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { maskLicenseKey } from '@/lib/log';
import { commitBatch, type Batch, type BatchJob, type ImportProblem } from './data-batch';
import { deleteImportFile, readImportFile } from './data-file';
import { CsvFileError, csvRecords } from './csv';
import { IMPORT_FIELD_LABELS, type ImportField, type ImportMapping } from './fields';
import type { ImportPreviewRow } from './job';
import { IMPORT_BATCH_ROWS, IMPORT_PREVIEW_ROWS } from './limits';
import type { RowOutcome } from './outcome';
import { ProductResolver, readImportRow, type ImportRow, type RowError } from './rows';

// One pass over a job's file (the check, or the import), by the worker that holds the job. The file
// is read again from its first row: rows the pass already committed are skipped (their keys still
// count for finding duplicates further down), then the rest goes in batches (./data-batch.ts).

export type PassEnd = 'finished' | 'stopped';

/** Runs the pass of a job this worker has claimed, to its end or until `stopping()`. */
export async function runImportPass(
  jobId: string,
  workerId: string,
  stopping: () => boolean,
  onProgress?: (rowsDone: number, totalRows: number) => void,
): Promise<PassEnd> {
  const row = await db.importJob.findFirstOrThrow({ where: { id: jobId, claimedBy: workerId } });
  const pass = row.state === 'importing' ? 'import' : 'check';
  const headers = JSON.parse(row.headers) as string[];
  const mapping = JSON.parse(row.mapping) as ImportMapping;
  const options = {
    defaultProductId: row.defaultProductId,
    timeZone: row.timeZone,
    updateExisting: row.updateExisting,
  };
  const products = await db.product.findMany({
    where: { businessId: row.businessId },
    select: { id: true, name: true, archivedAt: true },
  });
  const resolver = new ProductResolver(
    products.map((p) => ({ id: p.id, name: p.name, archived: p.archivedAt !== null })),
  );
  const productNames = new Map(products.map((p) => [p.id, p.name]));
  const actor = {
    businessId: row.businessId,
    type: row.actorType,
    id: row.actorId,
    name: row.actorName,
    role: row.actorRole,
    requestId: row.id,
  } as Actor;
  const columnOf = (field: ImportField) => {
    const column = mapping[field];
    return column === undefined ? IMPORT_FIELD_LABELS[field] : (headers[column] ?? '');
  };
  const job: BatchJob = {
    id: row.id,
    businessId: row.businessId,
    actor,
    fileName: row.fileName,
    updateExisting: row.updateExisting,
    workerId,
    pass,
    columnOf,
    productName: (id) => productNames.get(id) ?? '',
  };
  const total = row.totalRows ?? 0;
  let done = row.rowsDone;
  const firstLines = new Map<string, number>();
  let batch = emptyBatch();
  let previewRows: PreviewSource[] = [];
  let header = true;
  let next = 0;
  try {
    for await (const record of csvRecords(readImportFile(jobId), {
      delimiter: row.delimiter === ';' ? ';' : ',',
    })) {
      if (header) {
        header = false;
        continue;
      }
      const index = next++; // of the file's rows, from 0
      const keyColumn = mapping.key;
      const keyText = keyColumn === undefined ? '' : (record.fields[keyColumn] ?? '').trim();
      const firstLine = keyText ? firstLines.get(keyText) : undefined;
      if (keyText && firstLine === undefined) firstLines.set(keyText, record.line);
      if (index < done) continue;
      const read = readImportRow(record, headers, mapping, options, resolver);
      const errors = read.ok ? [] : [...read.errors];
      if (firstLine !== undefined) {
        errors.push({
          line: record.line,
          column: columnOf('key'),
          message: `The same key is on line ${firstLine}: only that row is imported.`,
        });
      }
      if (errors.length > 0) {
        batch.errorRows += 1;
        batch.problems.push(...errors.map((e): ImportProblem => ({ ...e, kind: 'error' })));
      } else if (read.ok) {
        batch.rows.push(read.row);
      }
      if (pass === 'check' && index < IMPORT_PREVIEW_ROWS) {
        previewRows.push({
          // An unreadable row is shown as the file has it.
          record: (['key', 'customerEmail', 'customerName', 'product'] as const).map((field) =>
            mapping[field] === undefined ? '' : (record.fields[mapping[field]] ?? '').trim(),
          ),
          line: record.line,
          row: read.ok ? read.row : null,
          errors,
        });
      }
      batch.records += 1;
      if (batch.records >= IMPORT_BATCH_ROWS) {
        done = await commit(job, batch, previewRows, productNames);
        previewRows = [];
        batch = emptyBatch();
        onProgress?.(done, total);
        if (stopping()) return 'stopped';
        await yieldToServer();
      }
    }
    if (batch.records > 0 || previewRows.length > 0) {
      done = await commit(job, batch, previewRows, productNames);
      onProgress?.(done, total);
    }
  } catch (error) {
    if (!(error instanceof CsvFileError)) throw error;
    await endPass(job, 'failed', `The file cannot be read: ${error.message}`);
    return 'finished';
  }
  await endPass(job, pass === 'import' ? 'done' : 'checked', null);
  return 'finished';
}

/** unique_violation, deadlock_detected, serialization_failure */
const RETRIED = new Set(['23505', '40P01', '40001']);

/** A row of the preview as read: the raw key, email, name and product, and what came of it. */
type PreviewSource = { record: string[]; line: number; row: ImportRow | null; errors: RowError[] };

const emptyBatch = (): Batch => ({ rows: [], problems: [], errorRows: 0, records: 0 });

/**
 * Lets the process's other work run between two batches. On SQLite every query of a pass completes
 * at once, so without this a pass is one unbroken chain of promises: the server would answer no
 * request (a page, the progress the import page polls for) until the pass had ended.
 */
const yieldToServer = () => new Promise<void>((resolve) => setImmediate(resolve));

async function commit(
  job: BatchJob,
  batch: Batch,
  previewRows: PreviewSource[],
  productNames: Map<string, string>,
): Promise<number> {
  if (previewRows.length > 0) {
    batch.jobUpdate = (outcomes) => [
      Prisma.sql`"preview" = ${JSON.stringify(previewOf(previewRows, outcomes, productNames))}`,
    ];
  }
  try {
    return (await commitBatch(job, batch)).rowsDone;
  } catch (error) {
    // PostgreSQL: a key or a customer's address written by someone else since the batch looked
    // (a unique violation), or a deadlock with another writer, rolled the batch back. Once more:
    // it now finds them, as present or a conflict.
    if (!RETRIED.has(String((error as { code?: unknown }).code))) throw error;
    return (await commitBatch(job, batch)).rowsDone;
  }
}

function previewOf(
  rows: PreviewSource[],
  outcomes: Map<number, RowOutcome>,
  productNames: Map<string, string>,
): ImportPreviewRow[] {
  return rows.map(({ line, row, errors, record }) => {
    const outcome = row ? outcomes.get(line) : undefined;
    const message =
      errors.length > 0
        ? errors.map((e) => e.message).join(' ')
        : outcome && (outcome.kind === 'conflict' || outcome.kind === 'error')
          ? outcome.message
          : null;
    const [key, email, name, product] = record;
    return {
      line,
      maskedKey: row ? maskLicenseKey(row.key) : key ? maskLicenseKey(key) : '',
      customerEmail: row?.customerEmail ?? email,
      customerName: row?.customerName ?? name,
      product: row ? (productNames.get(row.productId) ?? '') : product,
      activationsLimit: row?.activationsLimit ?? null,
      expiresAt: row?.expiresAt?.toISOString() ?? null,
      disabled: row?.disabled ?? false,
      originalId: row?.originalId ?? null,
      outcome: errors.length > 0 || !outcome ? 'error' : outcome.kind,
      message,
    };
  });
}

/** Ends the pass: the job's new state; an import's file deleted and its outcome audited. */
async function endPass(
  job: BatchJob,
  state: 'checked' | 'done' | 'failed',
  failure: string | null,
): Promise<void> {
  await direct.transaction(async (tx) => {
    const at = new Date();
    const [counts] = await tx.rows(Prisma.sql`SELECT "rowsDone", "created", "present",
        "conflicts", "errors", "updated"
      FROM "ImportJob" WHERE "id" = ${job.id}`);
    const changed = await tx.run(Prisma.sql`UPDATE "ImportJob" SET "state" = ${state},
        "failure" = ${failure}, "finishedAt" = ${at}, "claimedBy" = NULL, "lockedUntil" = NULL,
        "updatedAt" = ${at}
      WHERE "id" = ${job.id} AND "claimedBy" = ${job.workerId}`);
    if (changed === 0 || state === 'checked') return;
    // A failed file cannot be read again; an imported one is not needed again.
    await deleteImportFile(tx, job.id);
    if (job.pass === 'check') return;
    const n = (value: unknown) => Number(value).toLocaleString('en-US');
    const summary =
      state === 'failed'
        ? `Import of ${job.fileName} stopped: ${failure}`
        : `Imported ${job.fileName}: ${n(counts.created)} created, ${n(counts.updated)} updated, ` +
          `${n(counts.present)} already present, ${n(counts.conflicts)} conflicts, ` +
          `${n(counts.errors)} rows with errors`;
    await tx.run(
      auditManyStatement(
        dbEngine,
        job.actor,
        [
          {
            action: 'license_keys.import_finished',
            objectType: 'import_job',
            objectId: job.id,
            summary,
          },
        ],
        at,
      ),
    );
  });
}
