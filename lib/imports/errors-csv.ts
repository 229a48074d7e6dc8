import { csvLine, neutralizeCell } from '@/lib/license-keys/csv';
import type { RowError } from './rows';

// The report of an import's refused rows, as a CSV file to download: one line per error, written
// and neutralised for spreadsheets as the key export is. No server imports.

export const IMPORT_ERRORS_CSV_COLUMNS = ['line', 'column', 'message'] as const;

/** The header line, with its CRLF. */
export const importErrorsCsvHeader = (): string => csvLine(IMPORT_ERRORS_CSV_COLUMNS);

/** One error as a CSV line, with its CRLF. The column is the file's own header text: neutralised. */
export function importErrorLine(error: RowError): string {
  return csvLine([String(error.line), error.column, error.message].map(neutralizeCell));
}
