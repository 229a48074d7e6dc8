// The bulk import's limits, without server imports: the upload form states them too.

export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 200_000;
/**
 * File rows per batch: each batch is one transaction, committed with the job's progress. On SQLite
 * a commit costs 40–60 ms of WAL writing (500 rows a batch: 4 s of commits per 100,000
 * rows; 1,000: 3 s), and holds the write queue for ~100 ms.
 */
export const IMPORT_BATCH_ROWS = 1000;
/** Rows of the file the check shows as they will be imported. */
export const IMPORT_PREVIEW_ROWS = 10;
/** Rows of the file the mapping step shows under each column. */
export const IMPORT_SAMPLE_ROWS = 3;
