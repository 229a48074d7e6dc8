import { describe, expect, it } from 'vitest';
import { EXPIRY_FORMAT_MESSAGE, EXPIRY_RANGE_MESSAGE } from './expiry';
import { autoMapping, type ImportMapping } from './fields';
import {
  ACTIVATIONS_LIMIT_MESSAGE,
  DISABLED_MESSAGE,
  NO_PRODUCT_MESSAGE,
  ProductResolver,
  readImportRow,
  type ImportOptions,
  type ImportProduct,
} from './rows';

const PRODUCTS: ImportProduct[] = [
  { id: 'pdt_pro', name: 'Photo Editor Pro', archived: false },
  { id: 'pdt_lite', name: 'Photo Editor Lite', archived: false },
  { id: 'pdt_old', name: 'Photo Editor 2019', archived: true },
  { id: 'pdt_a', name: 'Bundle', archived: false },
  { id: 'pdt_b', name: ' bundle ', archived: false },
  { id: 'pdt_new', name: 'Studio', archived: false },
  { id: 'pdt_gone', name: 'studio', archived: true },
];
const products = new ProductResolver(PRODUCTS);

const HEADERS = [
  'License Key',
  'Email',
  'Name',
  'Product',
  'Max activations',
  'Expires',
  'Status',
  'Legacy ID',
];
const MAPPING = autoMapping(HEADERS);
const OPTIONS: ImportOptions = {
  defaultProductId: null,
  timeZone: 'America/New_York',
  updateExisting: false,
};
const GOOD = {
  'License Key': ' ABCD-1234-EFGH ',
  Email: ' Dana@Example.com ',
  Name: ' Dana Kim ',
  Product: 'photo editor pro',
  'Max activations': '3',
  Expires: '2027-01-31',
  Status: 'active',
  'Legacy ID': ' lk_123 ',
};

/** A row of HEADERS's file with some cells changed. */
function read(
  cells: Partial<Record<keyof typeof GOOD, string>> = {},
  options: Partial<ImportOptions> = {},
  mapping: ImportMapping = MAPPING,
) {
  const values = { ...GOOD, ...cells };
  const fields = HEADERS.map((header) => values[header as keyof typeof GOOD]);
  return readImportRow({ line: 7, fields }, HEADERS, mapping, { ...OPTIONS, ...options }, products);
}

/** The message of the one error of a row, or the row when it has none. */
function messageOf(cells: Partial<Record<keyof typeof GOOD, string>>, options = {}) {
  const result = read(cells, options);
  if (result.ok) return result.row;
  expect(result.errors).toHaveLength(1);
  return result.errors[0].message;
}

function rowOf(cells: Partial<Record<keyof typeof GOOD, string>>, options = {}) {
  const result = read(cells, options);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.row;
}

describe('readImportRow', () => {
  it('reads a good row, trimmed', () => {
    expect(read()).toEqual({
      ok: true,
      row: {
        line: 7,
        key: 'ABCD-1234-EFGH',
        customerEmail: 'Dana@Example.com',
        customerEmailLower: 'dana@example.com',
        customerName: 'Dana Kim',
        productId: 'pdt_pro',
        activationsLimit: 3,
        expiresAt: new Date('2027-02-01T04:59:59.999Z'),
        disabled: false,
        originalId: 'lk_123',
      },
    });
  });

  it('checks the key as the form does', () => {
    expect(messageOf({ 'License Key': '  ' })).toBe('Enter the license key.');
    expect(messageOf({ 'License Key': 'ABCDE' })).toBe('A license key has at least 6 characters.');
    expect(messageOf({ 'License Key': 'K'.repeat(256) })).toBe(
      'A license key has at most 255 characters.',
    );
    expect(messageOf({ 'License Key': 'ABCD\t1234' })).toBe(
      'A license key cannot contain control characters such as tabs or line breaks.',
    );
    expect(rowOf({ 'License Key': 'K'.repeat(255) }).key).toHaveLength(255);
  });

  it('checks the email as the customer form does', () => {
    expect(messageOf({ Email: '' })).toBe('Enter the customer’s email address.');
    expect(messageOf({ Email: 'dana.example.com' })).toBe(
      'Enter an email address like name@example.com.',
    );
    expect(messageOf({ Email: 'dana@localhost' })).toBe(
      'Enter an email address like name@example.com.',
    );
    expect(messageOf({ Email: `${'d'.repeat(250)}@example.com` })).toBe(
      'An email address has at most 254 characters.',
    );
  });

  it('checks the name as the customer form does, and uses the email when there is none', () => {
    expect(rowOf({ Name: '' }).customerName).toBe('Dana@Example.com');
    expect(messageOf({ Name: 'N'.repeat(201) })).toBe('A name has at most 200 characters.');
    expect(messageOf({ Name: 'Dana\nKim' })).toBe(
      'A name cannot contain control characters such as tabs or line breaks.',
    );
    const longEmail = `${'d'.repeat(200)}@example.com`;
    expect(messageOf({ Name: '', Email: longEmail })).toMatch(/^Enter the customer’s name: /);
    expect(rowOf({ Name: 'Dana', Email: longEmail }).customerName).toBe('Dana');
  });

  it('finds the product by ID or by name, any case', () => {
    expect(rowOf({ Product: 'pdt_lite' }).productId).toBe('pdt_lite');
    expect(rowOf({ Product: '  PHOTO EDITOR LITE ' }).productId).toBe('pdt_lite');
    expect(messageOf({ Product: 'PDT_LITE' })).toBe(
      "Unknown product “PDT_LITE”. Use a product's name or ID, or create the product first.",
    );
  });

  it('refuses an archived product, and a name two active products share', () => {
    expect(messageOf({ Product: 'Photo Editor 2019' })).toBe(
      'Product “Photo Editor 2019” is archived: it takes no new keys.',
    );
    expect(messageOf({ Product: 'pdt_old' })).toBe(
      'Product “Photo Editor 2019” is archived: it takes no new keys.',
    );
    expect(messageOf({ Product: 'BUNDLE' })).toBe(
      'Two products are named “BUNDLE”: use the product ID.',
    );
    expect(rowOf({ Product: 'pdt_b' }).productId).toBe('pdt_b');
    // One "Studio" is archived: the active one is meant.
    expect(rowOf({ Product: 'studio' }).productId).toBe('pdt_new');
  });

  it('uses the default product when the cell is empty or no column is mapped', () => {
    expect(rowOf({ Product: '' }, { defaultProductId: 'pdt_lite' }).productId).toBe('pdt_lite');
    expect(rowOf({ Product: 'pdt_pro' }, { defaultProductId: 'pdt_lite' }).productId).toBe(
      'pdt_pro',
    );
    expect(messageOf({ Product: ' ' })).toBe(NO_PRODUCT_MESSAGE);
    expect(messageOf({ Product: '' }, { defaultProductId: 'pdt_old' })).toBe(
      'Product “Photo Editor 2019” is archived: it takes no new keys.',
    );
    const withoutProduct = { ...MAPPING, product: undefined };
    const result = read({}, { defaultProductId: 'pdt_new' }, withoutProduct);
    expect(result.ok && result.row.productId).toBe('pdt_new');
    expect(read({}, {}, withoutProduct)).toEqual({
      ok: false,
      errors: [{ line: 7, column: 'Product', message: NO_PRODUCT_MESSAGE }],
    });
  });

  it('reads the activations limit: a whole number, or empty for unlimited', () => {
    expect(rowOf({ 'Max activations': '' }).activationsLimit).toBeNull();
    expect(rowOf({ 'Max activations': ' Unlimited ' }).activationsLimit).toBeNull();
    expect(rowOf({ 'Max activations': '∞' }).activationsLimit).toBeNull();
    expect(rowOf({ 'Max activations': '0' }).activationsLimit).toBe(0);
    expect(rowOf({ 'Max activations': ' 007 ' }).activationsLimit).toBe(7);
    expect(rowOf({ 'Max activations': '2147483647' }).activationsLimit).toBe(2_147_483_647);
    for (const cell of [
      '2147483648',
      '-1',
      '1.5',
      '1,000',
      '1e3',
      'five',
      '+3',
      '99999999999999999999',
    ]) {
      expect(messageOf({ 'Max activations': cell }), cell).toBe(ACTIVATIONS_LIMIT_MESSAGE);
    }
    expect(ACTIVATIONS_LIMIT_MESSAGE).toBe(
      'Enter a whole number of activations from 0 to 2,147,483,647, or leave it empty for unlimited.',
    );
  });

  it('reads the expiry in the business’s time zone', () => {
    expect(rowOf({ Expires: '' }).expiresAt).toBeNull();
    expect(rowOf({ Expires: 'never' }).expiresAt).toBeNull();
    expect(rowOf({ Expires: '2027-01-31T10:00:00Z' }).expiresAt).toEqual(
      new Date('2027-01-31T10:00:00Z'),
    );
    expect(rowOf({ Expires: '2027-01-31' }, { timeZone: 'Asia/Kathmandu' }).expiresAt).toEqual(
      new Date('2027-01-31T18:14:59.999Z'),
    );
    expect(messageOf({ Expires: '2027-02-30' })).toBe(EXPIRY_FORMAT_MESSAGE);
    expect(messageOf({ Expires: '1969-06-01' })).toBe(EXPIRY_RANGE_MESSAGE);
  });

  it('reads disabled from yes/no words and statuses', () => {
    for (const cell of ['', 'false', 'No', 'n', '0', 'ACTIVE', 'inactive', 'enabled', 'expired']) {
      expect(rowOf({ Status: cell }).disabled, cell).toBe(false);
    }
    for (const cell of ['true', 'YES', 'y', '1', 'Disabled', 'suspended', 'banned', 'revoked']) {
      expect(rowOf({ Status: cell }).disabled, cell).toBe(true);
    }
    for (const cell of ['maybe', '2', 'on', 'active?']) {
      expect(messageOf({ Status: cell }), cell).toBe(DISABLED_MESSAGE);
    }
  });

  it('reads the original ID: optional, at most 255 characters, no control characters', () => {
    expect(rowOf({ 'Legacy ID': '  ' }).originalId).toBeNull();
    expect(rowOf({ 'Legacy ID': 'x'.repeat(255) }).originalId).toHaveLength(255);
    expect(messageOf({ 'Legacy ID': 'x'.repeat(256) })).toBe(
      'An original ID has at most 255 characters.',
    );
    expect(messageOf({ 'Legacy ID': 'lk\u0000 1' })).toBe(
      'An original ID cannot contain control characters such as tabs or line breaks.',
    );
  });

  it('returns every error of a row together, one per field, named by the file’s headers', () => {
    const result = read({
      'License Key': 'abc',
      Email: 'nope',
      Product: 'Nothing',
      'Max activations': 'lots',
      Expires: 'soon',
      Status: 'perhaps',
      'Legacy ID': 'a\tb',
    });
    expect(result).toEqual({
      ok: false,
      errors: [
        { line: 7, column: 'License Key', message: 'A license key has at least 6 characters.' },
        { line: 7, column: 'Email', message: 'Enter an email address like name@example.com.' },
        {
          line: 7,
          column: 'Product',
          message:
            "Unknown product “Nothing”. Use a product's name or ID, or create the product first.",
        },
        { line: 7, column: 'Max activations', message: ACTIVATIONS_LIMIT_MESSAGE },
        { line: 7, column: 'Expires', message: EXPIRY_FORMAT_MESSAGE },
        { line: 7, column: 'Status', message: DISABLED_MESSAGE },
        {
          line: 7,
          column: 'Legacy ID',
          message: 'An original ID cannot contain control characters such as tabs or line breaks.',
        },
      ],
    });
  });

  it('reads a short row’s missing cells as empty, and names unmapped fields by their label', () => {
    const headers = ['key', 'email', 'product'];
    const record = { line: 3, fields: ['ABCDEF-1'] };
    const result = readImportRow(record, headers, autoMapping(headers), OPTIONS, products);
    expect(result).toEqual({
      ok: false,
      errors: [
        { line: 3, column: 'email', message: 'Enter the customer’s email address.' },
        { line: 3, column: 'product', message: NO_PRODUCT_MESSAGE },
      ],
    });
    const unmapped = readImportRow(record, headers, {}, OPTIONS, products);
    expect(!unmapped.ok && unmapped.errors.map((error) => error.column)).toEqual([
      'Key',
      'Customer email',
      'Product',
    ]);
  });
});
