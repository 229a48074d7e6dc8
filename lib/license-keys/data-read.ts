import 'server-only';
import { assertCan, type Actor } from '@/lib/auth/authorize';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { LicenseKeyListRow } from './list';
import { maskLicenseKey } from '@/lib/log';
import { licenseKeyStatus, type LicenseKeySource, type LicenseKeyStatus } from './status';

/** A license key of a business, as every surface reads it. `key` is the whole secret: lists mask it. */
export type LicenseKey = {
  id: string;
  businessId: string;
  key: string;
  status: LicenseKeyStatus;
  source: LicenseKeySource;
  customerId: string;
  productId: string;
  activationsLimit: number | null;
  instancesCount: number;
  expiresAt: Date | null;
  createdAt: Date;
  paymentId: string | null;
  subscriptionId: string | null;
  /** Free text kept with the key, e.g. a bulk import's "Original ID: …" (read by getLicenseKey). */
  note?: string | null;
  customer: { id: string; name: string; email: string };
  product: { id: string; name: string };
};

/** A key without its customer's and product's names: what the REST API's keys carry. */
export type LicenseKeyRecord = Omit<LicenseKey, 'customer' | 'product'>;

export const licenseKeySelect = {
  id: true,
  businessId: true,
  key: true,
  customerId: true,
  productId: true,
  activationsLimit: true,
  expiresAt: true,
  disabled: true,
  instancesCount: true,
  source: true,
  paymentId: true,
  subscriptionId: true,
  note: true,
  createdAt: true,
  customer: { select: { id: true, name: true, email: true } },
  product: { select: { id: true, name: true } },
} as const satisfies Prisma.LicenseKeySelect;

type LicenseKeyRow = Prisma.LicenseKeyGetPayload<{ select: typeof licenseKeySelect }>;

export function toLicenseKey({ disabled, ...row }: LicenseKeyRow, now = new Date()): LicenseKey {
  return { ...row, status: licenseKeyStatus({ disabled, expiresAt: row.expiresAt }, now) };
}

/** A key as a list row shows it: the key masked, so that no whole key reaches a list's HTML. */
export function toListRow({ key, ...rest }: LicenseKey): LicenseKeyListRow {
  return {
    id: rest.id,
    maskedKey: maskLicenseKey(key),
    status: rest.status,
    source: rest.source,
    activationsLimit: rest.activationsLimit,
    instancesCount: rest.instancesCount,
    expiresAt: rest.expiresAt,
    createdAt: rest.createdAt,
    customer: rest.customer,
    product: rest.product,
  };
}

/** One key of the actor's business, or null (also for another business's key). */
export async function getLicenseKey(actor: Actor, id: string): Promise<LicenseKey | null> {
  assertCan(actor, 'keys:view');
  const row = await db.licenseKey.findFirst({
    where: { id, businessId: actor.businessId },
    select: licenseKeySelect,
  });
  return row ? toLicenseKey(row) : null;
}

export { listLicenseKeyRecords, listLicenseKeys } from './data-list';
export type { LicenseKeyFilter } from './list';
