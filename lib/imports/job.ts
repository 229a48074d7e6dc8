import type { ImportMapping } from './fields';

// A bulk import job as the pages, the CLI and the status route read it. No server imports.

export const IMPORT_JOB_STATES = [
  'uploaded',
  'checking',
  'checked',
  'importing',
  'done',
  'failed',
] as const;
export type ImportJobState = (typeof IMPORT_JOB_STATES)[number];

/** A pass over the file is running: the worker has it (or will have it soon). */
export const isRunning = (state: ImportJobState) => state === 'checking' || state === 'importing';

export type ImportCounts = {
  /** Keys to create (check) or created (import). */
  created: number;
  /** Keys already in Keydesk with the same customer, product and terms. */
  present: number;
  conflicts: number;
  /** Rows with at least one error. */
  errors: number;
  /** Existing keys to update / updated ("Update existing keys"). */
  updated: number;
};

export type ImportOutcome = 'create' | 'present' | 'update' | 'conflict' | 'error';

/** A row of the file as the check saw it, for the preview. The key is masked. */
export type ImportPreviewRow = {
  line: number;
  maskedKey: string;
  customerEmail: string;
  customerName: string;
  product: string;
  activationsLimit: number | null;
  expiresAt: string | null;
  disabled: boolean;
  originalId: string | null;
  outcome: ImportOutcome;
  /** Why it is a conflict or an error. */
  message: string | null;
};

export type ImportJobView = {
  id: string;
  fileName: string;
  fileBytes: number;
  state: ImportJobState;
  headers: string[];
  sample: string[][];
  mapping: ImportMapping;
  defaultProductId: string | null;
  timeZone: string;
  updateExisting: boolean;
  totalRows: number;
  rowsDone: number;
  counts: ImportCounts;
  preview: ImportPreviewRow[];
  failure: string | null;
  startedBy: string;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
};

/** A problem of a row, as the page lists it and the errors CSV carries it. */
export type ImportProblemView = {
  line: number;
  kind: 'error' | 'conflict';
  column: string;
  message: string;
};

/** The share of the pass done, 0 to 1. */
export const importProgress = (job: Pick<ImportJobView, 'rowsDone' | 'totalRows'>) =>
  job.totalRows === 0 ? 1 : Math.min(1, job.rowsDone / job.totalRows);
