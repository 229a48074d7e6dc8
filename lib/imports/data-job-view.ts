import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { ImportMapping } from './fields';
import type { ImportJobState, ImportJobView, ImportPreviewRow } from './job';

// How a job's row becomes what the pages and the command line read.

export const importJobSelect = {
  id: true,
  fileName: true,
  fileBytes: true,
  state: true,
  headers: true,
  sample: true,
  mapping: true,
  defaultProductId: true,
  timeZone: true,
  updateExisting: true,
  totalRows: true,
  rowsDone: true,
  created: true,
  present: true,
  conflicts: true,
  errors: true,
  updated: true,
  preview: true,
  failure: true,
  actorName: true,
  createdAt: true,
  updatedAt: true,
  finishedAt: true,
} as const satisfies Prisma.ImportJobSelect;

type ImportJobRow = Prisma.ImportJobGetPayload<{ select: typeof importJobSelect }>;

export function toImportJobView(row: ImportJobRow): ImportJobView {
  return {
    id: row.id,
    fileName: row.fileName,
    fileBytes: row.fileBytes,
    state: row.state as ImportJobState,
    headers: JSON.parse(row.headers) as string[],
    sample: JSON.parse(row.sample) as string[][],
    mapping: JSON.parse(row.mapping) as ImportMapping,
    defaultProductId: row.defaultProductId,
    timeZone: row.timeZone,
    updateExisting: row.updateExisting,
    totalRows: row.totalRows ?? 0,
    rowsDone: row.rowsDone,
    counts: {
      created: row.created,
      present: row.present,
      conflicts: row.conflicts,
      errors: row.errors,
      updated: row.updated,
    },
    preview: JSON.parse(row.preview) as ImportPreviewRow[],
    failure: row.failure,
    startedBy: row.actorName,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
