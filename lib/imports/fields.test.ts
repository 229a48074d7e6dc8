import { describe, expect, it } from 'vitest';
import {
  autoMapping,
  IMPORT_FIELD_LABELS,
  IMPORT_FIELDS,
  normalizeHeader,
  REQUIRED_IMPORT_FIELDS,
  type ImportMapping,
} from './fields';

/** The mapping as field -> header, easier to read than indexes; and each column used once. */
function mapped(headers: string[]): Record<string, string> {
  const mapping: ImportMapping = autoMapping(headers);
  const columns = Object.values(mapping);
  expect(new Set(columns).size).toBe(columns.length);
  return Object.fromEntries(
    Object.entries(mapping).map(([field, index]) => [field, headers[index as number]]),
  );
}

describe('autoMapping', () => {
  it('maps a Lemon Squeezy-like export, its yes/no column before its status', () => {
    const headers = [
      'id',
      'store_id',
      'customer_id',
      'order_id',
      'product_id',
      'user_name',
      'user_email',
      'key',
      'key_short',
      'activation_limit',
      'instances_count',
      'status',
      'disabled',
      'expires_at',
      'created_at',
    ];
    expect(mapped(headers)).toEqual({
      key: 'key',
      customerEmail: 'user_email',
      customerName: 'user_name',
      product: 'product_id',
      activationsLimit: 'activation_limit',
      expiresAt: 'expires_at',
      disabled: 'disabled',
      originalId: 'id',
    });
  });

  it('maps a Keygen-like export', () => {
    const headers = [
      'ID',
      'Name',
      'Key',
      'Expiry',
      'Status',
      'Uses',
      'Suspended',
      'Max Machines',
      'Product',
      'Policy',
      'User Email',
      'Created',
    ];
    expect(mapped(headers)).toEqual({
      key: 'Key',
      customerEmail: 'User Email',
      customerName: 'Name',
      product: 'Product',
      activationsLimit: 'Max Machines',
      expiresAt: 'Expiry',
      disabled: 'Suspended',
      originalId: 'ID',
    });
  });

  it('maps a Gumroad-like export', () => {
    const headers = [
      'Purchase ID',
      'Item Name',
      'Buyer Name',
      'Purchase Email',
      'Purchase Date',
      'License Key',
      'Quantity',
      'Refunded?',
    ];
    expect(mapped(headers)).toEqual({
      key: 'License Key',
      customerEmail: 'Purchase Email',
      customerName: 'Buyer Name',
      product: 'Item Name',
    });
  });

  it('maps a spreadsheet someone made, with any case, spaces, dashes and underscores', () => {
    const headers = [
      'LICENSE_KEY',
      'E-mail',
      'Customer',
      'Product Name',
      'Seats',
      'Valid until',
      'Notes',
      'Disabled?',
      'Legacy-ID',
    ];
    expect(mapped(headers)).toEqual({
      key: 'LICENSE_KEY',
      customerEmail: 'E-mail',
      customerName: 'Customer',
      product: 'Product Name',
      activationsLimit: 'Seats',
      expiresAt: 'Valid until',
      disabled: 'Disabled?',
      originalId: 'Legacy-ID',
    });
  });

  it('maps a status column to disabled when there is no yes/no column', () => {
    expect(mapped(['key', 'email', 'Status'])).toEqual({
      key: 'key',
      customerEmail: 'email',
      disabled: 'Status',
    });
  });

  it('takes headers that contain a field’s name when none is exactly one, exact ones first', () => {
    expect(
      mapped(['Customer Email Address', 'Expiration Date (UTC)', 'License Key (full)', 'Notes']),
    ).toEqual({
      key: 'License Key (full)',
      customerEmail: 'Customer Email Address',
      expiresAt: 'Expiration Date (UTC)',
    });
    // "email_opt_in" contains "email", but "email" is exact.
    expect(mapped(['email_opt_in', 'key', 'email'])).toEqual({
      key: 'key',
      customerEmail: 'email',
    });
  });

  it('uses each column once and each field once: a better name first, then the leftmost column', () => {
    expect(autoMapping(['email', 'Email', 'key', 'serial'])).toEqual({ customerEmail: 0, key: 2 });
    expect(autoMapping(['serial', 'key'])).toEqual({ key: 1 });
  });

  it('leaves unrelated columns alone', () => {
    expect(autoMapping(['customer_id', 'order_id', 'key_short', 'created_at', ''])).toEqual({});
    expect(autoMapping([])).toEqual({});
  });
});

describe('the import fields', () => {
  it('have a label each, and key and email are required', () => {
    expect(IMPORT_FIELDS.map((field) => IMPORT_FIELD_LABELS[field])).toEqual([
      'Key',
      'Customer email',
      'Customer name',
      'Product',
      'Activations limit',
      'Expires at',
      'Disabled',
      'Original ID',
    ]);
    expect(REQUIRED_IMPORT_FIELDS).toEqual(['key', 'customerEmail']);
  });

  it('compare headers without case, spaces or punctuation', () => {
    expect(normalizeHeader(' License_Key-ID ')).toBe('licensekeyid');
    expect(normalizeHeader('E-Mail')).toBe('email');
    expect(normalizeHeader('Käufer E-Mail')).toBe('käuferemail');
  });
});
