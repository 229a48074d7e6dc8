import { createCustomerSchema, CUSTOMER_NAME_MAX_LENGTH } from '@/lib/customers/schema';
import { ACTIVATIONS_LIMIT_MAX, licenseKeyStringSchema } from '@/lib/license-keys/schema';
import { CONTROL_CHARACTERS } from '@/lib/text';
import type { z } from 'zod';
import type { CsvRecord } from './csv';
import { readExpiry } from './expiry';
import { IMPORT_FIELD_LABELS, type ImportField, type ImportMapping } from './fields';
import type { ProductResolver } from './products';

// One record of an import file to a license key to write, or to every reason it cannot be one (one
// per field). The key, email and name follow the forms' own schemas, so a key imported is a key the
// form would take; each is one string's safeParse (under 1 µs when valid), not an object's. No server
// imports.

export { ProductResolver, type ImportProduct } from './products';

export type ImportOptions = {
  /** The product of rows that name none (no Product column, or an empty cell). */
  defaultProductId: string | null;
  /** The business's time zone: dates and times without an offset are read in it. */
  timeZone: string;
  /** Whether a key already stored is updated or reported: the job's concern, not a row's. */
  updateExisting: boolean;
};

export type ImportRow = {
  line: number;
  key: string;
  customerEmail: string;
  customerEmailLower: string;
  /** The email when the file gives no name. */
  customerName: string;
  productId: string;
  /** null = unlimited. */
  activationsLimit: number | null;
  /** null = never. */
  expiresAt: Date | null;
  disabled: boolean;
  originalId: string | null;
};

/** `column`: the file's header of the column, or the field's label when no column is mapped to it. */
export type RowError = { line: number; column: string; message: string };

type Read<T> = { ok: true; value: T } | { ok: false; message: string };

const valid = <T>(value: T): Read<T> => ({ ok: true, value });
const invalid = (message: string): Read<never> => ({ ok: false, message });

/** A field schema's answer: the parsed value, or its first message. */
function fromSchema(result: z.ZodSafeParseResult<string>): Read<string> {
  return result.success ? valid(result.data) : invalid(result.error.issues[0].message);
}

export const ACTIVATIONS_LIMIT_MESSAGE = `Enter a whole number of activations from 0 to ${ACTIVATIONS_LIMIT_MAX.toLocaleString('en-US')}, or leave it empty for unlimited.`;
export const DISABLED_MESSAGE = 'Enter true or false (or yes / no).';
export const NO_PRODUCT_MESSAGE = 'No product: map a Product column or choose a default product.';
export const ORIGINAL_ID_MAX_LENGTH = 255;

function readKey(cell: string): Read<string> {
  if (cell.trim() === '') return invalid('Enter the license key.');
  return fromSchema(licenseKeyStringSchema.safeParse(cell));
}

const readEmail = (cell: string) => fromSchema(createCustomerSchema.shape.email.safeParse(cell));

function readName(cell: string, email: Read<string>): Read<string> {
  if (cell.trim() !== '') return fromSchema(createCustomerSchema.shape.name.safeParse(cell));
  if (!email.ok || email.value.length <= CUSTOMER_NAME_MAX_LENGTH) {
    return valid(email.ok ? email.value : '');
  }
  return invalid(
    `Enter the customer’s name: the email address is too long to stand in for it (a name has at most ${CUSTOMER_NAME_MAX_LENGTH} characters).`,
  );
}

const UNLIMITED = new Set(['', 'unlimited', '∞']);

function readActivationsLimit(cell: string): Read<number | null> {
  const text = cell.trim();
  if (UNLIMITED.has(text.toLowerCase())) return valid(null);
  if (!/^\d+$/.test(text)) return invalid(ACTIVATIONS_LIMIT_MESSAGE);
  const limit = Number(text);
  return limit <= ACTIVATIONS_LIMIT_MAX ? valid(limit) : invalid(ACTIVATIONS_LIMIT_MESSAGE);
}

/**
 * Yes/no words, and the statuses other systems export. "inactive" is not disabled: Lemon Squeezy
 * means a key not activated yet by it, Keygen one not validated for 90 days; both still work.
 */
const DISABLED_WORDS = new Map<string, boolean>([
  ['', false],
  ...['true', 'yes', 'y', '1', 'disabled', 'suspended', 'banned', 'revoked'].map(
    (word) => [word, true] as const,
  ),
  ...['false', 'no', 'n', '0', 'active', 'inactive', 'enabled', 'expired', 'expiring'].map(
    (word) => [word, false] as const,
  ),
]);

function readDisabled(cell: string): Read<boolean> {
  const disabled = DISABLED_WORDS.get(cell.trim().toLowerCase());
  return disabled === undefined ? invalid(DISABLED_MESSAGE) : valid(disabled);
}

function readOriginalId(cell: string): Read<string | null> {
  const text = cell.trim();
  if (text === '') return valid(null);
  if (text.length > ORIGINAL_ID_MAX_LENGTH) {
    return invalid(`An original ID has at most ${ORIGINAL_ID_MAX_LENGTH} characters.`);
  }
  if (CONTROL_CHARACTERS.test(text)) {
    return invalid('An original ID cannot contain control characters such as tabs or line breaks.');
  }
  return valid(text);
}

function readProduct(
  cell: string,
  defaultProductId: string | null,
  products: ProductResolver,
): Read<string> {
  const wanted = cell.trim() || defaultProductId;
  if (!wanted) return invalid(NO_PRODUCT_MESSAGE);
  const match = products.resolve(wanted);
  return match.ok ? valid(match.product.id) : invalid(match.message);
}

/**
 * One record of the file (not its header) to an import row, or to its errors: every field checked,
 * one error per field at most. A cell of a column the row is too short for reads as empty.
 */
export function readImportRow(
  record: CsvRecord,
  headers: readonly string[],
  mapping: ImportMapping,
  options: ImportOptions,
  products: ProductResolver,
): { ok: true; row: ImportRow } | { ok: false; errors: RowError[] } {
  const cell = (field: ImportField): string => {
    const index = mapping[field];
    return index === undefined ? '' : (record.fields[index] ?? '');
  };
  const errors: RowError[] = [];
  function check<T>(field: ImportField, read: Read<T>): T {
    if (read.ok) return read.value;
    const index = mapping[field];
    const header = index === undefined ? '' : (headers[index] ?? '').trim();
    errors.push({
      line: record.line,
      column: header || IMPORT_FIELD_LABELS[field],
      message: read.message,
    });
    return undefined as T;
  }

  const email = readEmail(cell('customerEmail'));
  const row: ImportRow = {
    line: record.line,
    key: check('key', readKey(cell('key'))),
    customerEmail: check('customerEmail', email),
    customerEmailLower: email.ok ? email.value.toLowerCase() : '',
    customerName: check('customerName', readName(cell('customerName'), email)),
    productId: check('product', readProduct(cell('product'), options.defaultProductId, products)),
    activationsLimit: check('activationsLimit', readActivationsLimit(cell('activationsLimit'))),
    expiresAt: check('expiresAt', readExpiry(cell('expiresAt'), options.timeZone)),
    disabled: check('disabled', readDisabled(cell('disabled'))),
    originalId: check('originalId', readOriginalId(cell('originalId'))),
  };
  return errors.length > 0 ? { ok: false, errors } : { ok: true, row };
}
