import { csvLine, neutralizeCell } from '@/lib/license-keys/csv';
import type { RowError } from './rows';

/** A refused row's problem: an error in the file, or a conflict with a key already in Keydesk. */
export type ImportProblemLine = RowError & { kind?: 'error' | 'conflict' };

// The report of an import's refused rows, as a CSV file to download: one line per problem, written
// and neutralised for spreadsheets as the key export is. No server imports.

export const IMPORT_ERRORS_CSV_COLUMNS = ['line', 'column', 'problem', 'message'] as const;

/** The header line, with its CRLF. */
export const importErrorsCsvHeader = (): string => csvLine(IMPORT_ERRORS_CSV_COLUMNS);

/** One problem as a CSV line, with its CRLF. The column is the file's own header text: neutralised. */
export function importErrorLine(problem: ImportProblemLine): string {
  return csvLine(
    [String(problem.line), problem.column, problem.kind ?? 'error', problem.message].map(
      neutralizeCell,
    ),
  );
}
