// The key list's rows as the statements return them (data-list-query.ts), made into keys. Pure.
import { licenseKeyStatus, type LicenseKeySource } from './status';
import type { LicenseKey, LicenseKeyRecord } from './data-read';

export type KeyRow = {
  id: string;
  key: string;
  customerId: string;
  productId: string;
  activationsLimit: number | bigint | null;
  expiresAt: Date | string | null;
  disabled: boolean | number | bigint;
  instancesCount: number | bigint;
  source: LicenseKeySource;
  paymentId: string | null;
  subscriptionId: string | null;
  createdAt: Date | string;
};
export type NamedKeyRow = KeyRow & {
  customerName: string;
  customerEmail: string;
  productName: string;
};

// Raw rows come typed by column on both engines; these also take SQLite's text and integer forms.
const instant = (value: Date | string) => (value instanceof Date ? value : new Date(value));

export function toRecord(businessId: string, row: KeyRow, now: Date): LicenseKeyRecord {
  const expiresAt = row.expiresAt === null ? null : instant(row.expiresAt);
  const disabled = Boolean(Number(row.disabled));
  return {
    id: row.id,
    businessId,
    key: row.key,
    status: licenseKeyStatus({ disabled, expiresAt }, now),
    source: row.source,
    customerId: row.customerId,
    productId: row.productId,
    activationsLimit: row.activationsLimit === null ? null : Number(row.activationsLimit),
    instancesCount: Number(row.instancesCount),
    expiresAt,
    createdAt: instant(row.createdAt),
    paymentId: row.paymentId,
    subscriptionId: row.subscriptionId,
  };
}

/**
 * The record with its names added in place: a spread copy (`{ ...record, customer, product }`) cost
 * the export of a million keys half its rate and grew its heap by ~100 MB (key-list bench).
 */
export function toKey(businessId: string, row: NamedKeyRow, now: Date): LicenseKey {
  return Object.assign(toRecord(businessId, row, now), {
    customer: { id: row.customerId, name: row.customerName, email: row.customerEmail },
    product: { id: row.productId, name: row.productName },
  });
}
