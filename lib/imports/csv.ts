import 'server-only';
import { pipeline, Readable } from 'node:stream';
import { CsvError, parse, type Options } from 'csv-parse';
import { checkedUtf8 } from './utf8';

// Reads an uploaded CSV file as it arrives, one record at a time: csv-parse does the CSV (quotes,
// "" escapes, line breaks in quoted fields, CRLF or LF, a BOM). Two parts are ours. Line numbers:
// csv-parse's `info.lines` counts a CRLF inside a quoted field as two lines, and names the line where
// a failing record ends, so each record's first line is counted here from its fields. The delimiter:
// csv-parse's `delimiter_auto` weighs several candidates over a sample; an import takes a comma or a
// semicolon, chosen from the header line alone.

/** One record of the file. `line`: the 1-based line it starts on (the header is on line 1). */
export type CsvRecord = { line: number; fields: string[] };

/** The file cannot be read as CSV: `message` says why and what to do, for the person who uploaded it. */
export class CsvFileError extends Error {
  constructor(
    message: string,
    readonly line: number | null,
  ) {
    super(message);
    this.name = 'CsvFileError';
  }
}

/** The most one record may hold (a field can be as long): 2 MiB, counted in bytes. */
export const CSV_MAX_FIELD_BYTES = 2 * 1024 * 1024;

/** How much of the file's start is read to find its header line, at most. */
const HEADER_SAMPLE_BYTES = 64 * 1024;

/** The header line's delimiter: a semicolon when it has more semicolons than commas outside quotes. */
export function detectDelimiter(headerLine: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (char === ',') commas++;
    else if (char === ';') semicolons++;
    else if (char === '\n' || char === '\r') break;
  }
  return semicolons > commas ? ';' : ',';
}

/** Line breaks in a record's fields (CRLF, LF or CR each one): only quoted fields hold them. */
function lineBreaksIn(fields: readonly string[]): number {
  let breaks = 0;
  for (const field of fields) {
    if (!field.includes('\n') && !field.includes('\r')) continue;
    breaks += field.match(/\r\n|\r|\n/g)?.length ?? 0;
  }
  return breaks;
}

const isBlank = (fields: readonly string[]) => fields.every((field) => field.trim() === '');

function fileError(error: CsvError, line: number): CsvFileError {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return new CsvFileError(
        `A quote opened in the row on line ${line} is never closed. Add the closing quote (").`,
        line,
      );
    case 'CSV_MAX_RECORD_SIZE':
      return new CsvFileError(
        `The row on line ${line} is longer than ${CSV_MAX_FIELD_BYTES / 1024 / 1024} MiB. ` +
          'Check its quotes: a quote that is never closed makes the rest of the file one row.',
        line,
      );
    case 'INVALID_OPENING_QUOTE':
    case 'CSV_INVALID_CLOSING_QUOTE':
      return new CsvFileError(
        `The row on line ${line} has a quote in the wrong place. Put a field that holds quotes ` +
          'in quotes, and write each quote inside it twice ("").',
        line,
      );
    default:
      return new CsvFileError(`The row on line ${line} cannot be read: ${error.message}`, line);
  }
}

/** The first chunks of the file, up to its header line: enough to choose the delimiter. */
async function readHead(chunks: AsyncIterator<Buffer>): Promise<Buffer[]> {
  const head: Buffer[] = [];
  const decoder = new TextDecoder('utf-8');
  let bytes = 0;
  let quoted = false;
  while (bytes < HEADER_SAMPLE_BYTES) {
    const next = await chunks.next();
    if (next.done) break;
    head.push(next.value);
    bytes += next.value.length;
    // Each chunk is scanned once, the quotes' state carried over: the header line ends at the
    // first line break outside quotes.
    for (const char of decoder.decode(next.value, { stream: true })) {
      if (char === '"') quoted = !quoted;
      else if (!quoted && (char === '\n' || char === '\r')) return head;
    }
  }
  return head;
}

/** The delimiter csvRecords would choose for the file (from its header line), reading only its start. */
export async function fileDelimiter(source: AsyncIterable<Uint8Array>): Promise<',' | ';'> {
  const chunks = (async function* () {
    for await (const piece of source)
      yield Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
  })();
  try {
    return detectDelimiter(new TextDecoder('utf-8').decode(Buffer.concat(await readHead(chunks))));
  } finally {
    await chunks.return(undefined);
  }
}

/** `first`, then the rest of `rest`; closing it closes `rest` (and so the source). */
async function* prepend<T>(first: readonly T[], rest: AsyncIterator<T>): AsyncGenerator<T> {
  try {
    yield* first;
    for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
  } finally {
    await rest.return?.();
  }
}

/**
 * Streams the records of a CSV file (the header included, as the first record), holding one
 * chunk and one record at a time. UTF-8 with or without a BOM; comma or semicolon separated
 * (`options.delimiter`, or chosen from the header line); quoted fields with "" escapes and line
 * breaks; empty and blank lines skipped; rows of any length (the caller checks them). Throws a
 * CsvFileError for invalid UTF-8, a quote never closed or a record over CSV_MAX_FIELD_BYTES.
 */
export async function* csvRecords(
  source: AsyncIterable<Uint8Array>,
  options: { delimiter?: ',' | ';' } = {},
): AsyncGenerator<CsvRecord> {
  const chunks = checkedUtf8(source, (line) => {
    return new CsvFileError(
      `The file is not valid UTF-8 (line ${line}). Save it as UTF-8 and upload it again.`,
      line,
    );
  })[Symbol.asyncIterator]();
  const head = options.delimiter ? [] : await readHead(chunks);
  const delimiter =
    options.delimiter ?? detectDelimiter(new TextDecoder('utf-8').decode(Buffer.concat(head)));

  // Where the last record ended, and the empty lines csv-parse had skipped by then: the next
  // record starts after both. Kept up to date as csv-parse reads, before it pushes the record.
  let lastLine = 0;
  let emptyLines = 0;
  const parserOptions: Options<CsvRecord, string[]> = {
    bom: true,
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: CSV_MAX_FIELD_BYTES,
    on_record: (fields, info) => {
      const line = lastLine + 1 + (info.empty_lines - emptyLines);
      lastLine = line + lineBreaksIn(fields);
      emptyLines = info.empty_lines;
      return isBlank(fields) ? null : { line, fields };
    },
  };
  // The typings tie on_record's result to the fields' type (string[]); ours makes CsvRecords.
  const parser = parse(parserOptions as unknown as Options);
  pipeline(Readable.from(prepend(head, chunks)), parser, () => {
    // Errors reach the loop below through the parser, which the pipeline destroys with them.
  });
  try {
    for await (const record of parser) yield record as CsvRecord;
  } catch (error) {
    if (error instanceof CsvError) {
      // The failing record starts where the last one read ended, after the empty lines between.
      const skipped = typeof error.empty_lines === 'number' ? error.empty_lines : emptyLines;
      throw fileError(error, lastLine + 1 + skipped - emptyLines);
    }
    throw error;
  } finally {
    parser.destroy();
  }
}
