import { IMPORT_MAX_BYTES } from './limits';

// The upload step of a bulk import, as the upload form checks a file before sending it and as the
// upload route answers. No server imports, and no Zod: the upload form is part of its page's first load.

export const uploadFailureMessages = {
  FILE_TOO_LARGE: 'The file is larger than 50 MB. Split it into smaller files.',
  EMPTY_FILE: 'The file has no rows under its header. Check that it is the right file.',
  TOO_MANY_ROWS: 'The file has more than 200,000 rows. Split it into smaller files.',
  UNREADABLE_FILE: 'The file cannot be read as CSV.',
  NOT_CSV: 'Choose a CSV file (.csv).',
} as const;

export const NO_FILE_MESSAGE = 'Choose a CSV file to upload.';

/** The file names the upload route takes: a CSV file, or one a spreadsheet saved as .txt. */
export function isImportFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.endsWith('.csv') || lower.endsWith('.txt');
}

/**
 * Why the upload form will not send this file (what the route would refuse without reading it),
 * or null. An empty file is refused here too; a file with a header and no rows, by the route.
 */
export function uploadFileProblem(file: { name: string; size: number } | null): string | null {
  if (!file) return NO_FILE_MESSAGE;
  if (!isImportFileName(file.name)) return uploadFailureMessages.NOT_CSV;
  if (file.size > IMPORT_MAX_BYTES) return uploadFailureMessages.FILE_TOO_LARGE;
  if (file.size === 0) return uploadFailureMessages.EMPTY_FILE;
  return null;
}

/** The upload route's answer when it refused the file: its message, else a generic one by status. */
export function uploadRefusalMessage(status: number, body: unknown): string {
  const message =
    typeof body === 'object' && body !== null && 'message' in body ? body.message : null;
  if (typeof message === 'string' && message !== '') return message;
  if (status === 413) return uploadFailureMessages.FILE_TOO_LARGE;
  if (status === 415) return uploadFailureMessages.NOT_CSV;
  return 'The file could not be uploaded. Try again.';
}
