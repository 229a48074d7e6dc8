// The key list's CSV export: one header row, one row per key, instants in ISO 8601 (UTC), quoted as
// RFC 4180 has it. Writing CSV is one rule (quote a field holding a quote, comma or line break, and
// double its quotes), checked against csv-parse by a property test (csv.test.ts); csv-stringify did
// the same at an eighth of the speed (8 µs a row), which the export of a million keys felt. No
// server imports.

/** What an export row holds: a key as the data layer reads it, its secret included. */
export type CsvKey = {
  id: string;
  key: string;
  status: string;
  source: string;
  customer: { id: string; name: string; email: string };
  product: { id: string; name: string };
  activationsLimit: number | null;
  instancesCount: number;
  expiresAt: Date | null;
  createdAt: Date;
};

export const CSV_COLUMNS = [
  'id',
  'key',
  'status',
  'source',
  'customer_id',
  'customer_name',
  'customer_email',
  'product_id',
  'product_name',
  'activations_limit',
  'instances_count',
  'expires_at',
  'created_at',
] as const;

/**
 * A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, and a leading tab or carriage
 * return, as OWASP lists them) gets a leading apostrophe: it then reads as text. Keys, names and
 * emails are typed by customers and other systems, so any of them may start so.
 */
export function neutralizeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function row(key: CsvKey): string[] {
  return [
    key.id,
    key.key,
    key.status,
    key.source,
    key.customer.id,
    key.customer.name,
    key.customer.email,
    key.product.id,
    key.product.name,
    key.activationsLimit === null ? 'unlimited' : String(key.activationsLimit),
    String(key.instancesCount),
    key.expiresAt ? key.expiresAt.toISOString() : '',
    key.createdAt.toISOString(),
  ].map(neutralizeCell);
}

const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV field: as it is, or quoted with its quotes doubled. */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One record, ending in CRLF. */
export function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/** The header row, with its line break. */
export const csvHeader = (): string => csvLine(CSV_COLUMNS);

/** Rows for a batch of keys, each ending in a line break. */
export const csvRows = (keys: readonly CsvKey[]): string =>
  keys.map((key) => csvLine(row(key))).join('');

/** About this many characters of CSV in each chunk csvChunks yields. */
export const CSV_CHUNK_LENGTH = 64 * 1024;

/**
 * The rows of keys read one at a time, as text chunks of about `chunkLength` characters: each key
 * is written out as it arrives and then dropped, so a million keys never sit in memory together.
 */
export async function* csvChunks(
  keys: AsyncIterable<CsvKey>,
  chunkLength = CSV_CHUNK_LENGTH,
): AsyncGenerator<string> {
  let chunk = '';
  for await (const key of keys) {
    chunk += csvLine(row(key));
    if (chunk.length >= chunkLength) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}
