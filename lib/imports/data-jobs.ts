import 'server-only';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, type Actor } from '@/lib/auth/authorize';
import { getBusinessTimeZone } from '@/lib/businesses/data-time-zone';
import { db } from '@/lib/db';
import { newId } from '@/lib/ids';
import { fail, ok, type Result } from '@/lib/result';
import { CsvFileError, csvRecords, fileDelimiter } from './csv';
import { FileTooLargeError, readImportFile, storeImportFile } from './data-file';
import { autoMapping } from './fields';
import { toImportJobView, importJobSelect } from './data-job-view';
import type { ImportJobView } from './job';
import { IMPORT_MAX_ROWS, IMPORT_SAMPLE_ROWS } from './limits';
import { wakeImports } from './wake';

export type UploadImportCode =
  'FILE_TOO_LARGE' | 'EMPTY_FILE' | 'TOO_MANY_ROWS' | 'UNREADABLE_FILE';
export type UploadImportFailure = { code: UploadImportCode; message?: string };

/**
 * Takes an uploaded CSV file for a bulk import: stores it (streamed, never whole in memory), reads
 * it once to the end (its header, first rows and number of rows; a file that is not valid UTF-8,
 * has an unclosed quote or too many rows is refused here, before any mapping), and proposes a
 * mapping from its header. Answers the new job, in state `uploaded`; nothing else is written.
 */
export async function createImportJob(
  actor: Actor,
  file: { name: string; source: AsyncIterable<Uint8Array> },
): Promise<Result<{ id: string }, UploadImportCode> & { message?: string }> {
  assertCan(actor, 'keys:bulk-import');
  const timeZone = (await getBusinessTimeZone(actor)) ?? 'UTC';
  const id = newId('imp');
  // Failed until the file is read: an upload cut short leaves a job that says so.
  await db.importJob.create({
    data: {
      id,
      businessId: actor.businessId,
      fileName: file.name.slice(0, 255) || 'upload.csv',
      fileBytes: 0,
      delimiter: ',',
      headers: '[]',
      timeZone,
      state: 'failed',
      failure: 'The upload did not finish. Upload the file again.',
      actorType: actor.type,
      actorId: actor.id,
      actorName: actor.name,
      actorRole: actor.role,
      requestId: id,
    },
  });
  const refuse = async (code: UploadImportCode, message?: string) => {
    await db.importJob.delete({ where: { id } });
    return { ...fail(code), ...(message ? { message } : {}) };
  };
  let fileBytes: number;
  try {
    fileBytes = await storeImportFile(id, file.source);
  } catch (error) {
    if (error instanceof FileTooLargeError) return refuse('FILE_TOO_LARGE');
    await db.importJob.delete({ where: { id } }).catch(() => {});
    throw error;
  }
  let headers: string[] | null = null;
  let delimiter: ',' | ';' = ',';
  const sample: string[][] = [];
  let rows = 0;
  try {
    delimiter = await fileDelimiter(readImportFile(id));
    for await (const record of csvRecords(readImportFile(id), { delimiter })) {
      if (headers === null) {
        headers = record.fields.map((field) => field.trim());
        continue;
      }
      rows += 1;
      if (rows > IMPORT_MAX_ROWS) return refuse('TOO_MANY_ROWS');
      if (sample.length < IMPORT_SAMPLE_ROWS) sample.push(record.fields);
    }
  } catch (error) {
    if (error instanceof CsvFileError) return refuse('UNREADABLE_FILE', error.message);
    throw error;
  }
  if (headers === null || rows === 0) return refuse('EMPTY_FILE');
  await db.importJob.update({
    where: { id },
    data: {
      state: 'uploaded',
      failure: null,
      fileBytes,
      delimiter,
      headers: JSON.stringify(headers),
      sample: JSON.stringify(sample),
      mapping: JSON.stringify(autoMapping(headers)),
      totalRows: rows,
    },
  });
  return ok({ id });
}

/** A job of the actor's business, or null (also for another business's). */
export async function getImportJob(actor: Actor, id: string): Promise<ImportJobView | null> {
  assertCan(actor, 'keys:bulk-import');
  const row = await db.importJob.findFirst({
    where: { id, businessId: actor.businessId },
    select: importJobSelect,
  });
  return row ? toImportJobView(row) : null;
}

/** The business's latest jobs, newest first. */
export async function listImportJobs(actor: Actor, take = 10): Promise<ImportJobView[]> {
  assertCan(actor, 'keys:bulk-import');
  const rows = await db.importJob.findMany({
    where: { businessId: actor.businessId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take,
    select: importJobSelect,
  });
  return rows.map(toImportJobView);
}

/** The business's import that is running now, for the key list's banner (anyone who sees keys). */
export async function runningImportJob(actor: Actor): Promise<ImportJobView | null> {
  assertCan(actor, 'keys:view');
  const row = await db.importJob.findFirst({
    where: { businessId: actor.businessId, state: 'importing' },
    orderBy: { createdAt: 'asc' },
    select: importJobSelect,
  });
  return row ? toImportJobView(row) : null;
}

/** Starts the import of a checked job: its pass runs in the background (lib/imports/worker.ts). */
export async function startImport(
  actor: Actor,
  id: string,
): Promise<Result<null, 'IMPORT_JOB_NOT_FOUND' | 'NOT_CHECKED'>> {
  assertCan(actor, 'keys:bulk-import');
  const result = await db.$transaction(async (tx) => {
    const job = await tx.importJob.findFirst({
      where: { id, businessId: actor.businessId },
      select: { state: true, fileName: true, totalRows: true },
    });
    if (!job) return fail('IMPORT_JOB_NOT_FOUND');
    const { count } = await tx.importJob.updateMany({
      where: { id, state: 'checked' },
      data: { state: 'importing', ...FRESH_PASS },
    });
    if (count === 0) return fail('NOT_CHECKED');
    await tx.importProblem.deleteMany({ where: { jobId: id } });
    await recordAudit(tx, actor, {
      action: 'license_keys.import_started',
      objectType: 'import_job',
      objectId: id,
      summary: `Started importing ${job.fileName} (${(job.totalRows ?? 0).toLocaleString('en-US')} rows)`,
    });
    return ok(null);
  });
  if (result.ok) wakeImports();
  return result;
}

/** A pass starting from the top: nothing done, nothing counted, no claim. */
export const FRESH_PASS = {
  rowsDone: 0,
  created: 0,
  present: 0,
  conflicts: 0,
  errors: 0,
  updated: 0,
  claimedBy: null,
  lockedUntil: null,
  finishedAt: null,
} as const;
