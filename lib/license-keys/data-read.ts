import 'server-only';
import { assertCan, type Actor } from '@/lib/auth/authorize';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { skipTake, type Page } from '@/lib/paging';
import { licenseKeyStatusWhere } from './data-status';
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
  customer: { id: string; name: string; email: string };
  product: { id: string; name: string };
};

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

/** What a key list may be narrowed to; every surface (dashboard, REST API) passes the same object. */
export type LicenseKeyFilter = {
  customerId?: string;
  productId?: string;
  status?: LicenseKeyStatus;
  source?: LicenseKeySource;
  createdFrom?: Date;
  createdTo?: Date;
};

function filterWhere(
  businessId: string,
  filter: LicenseKeyFilter,
  now: Date,
): Prisma.LicenseKeyWhereInput {
  const createdAt =
    filter.createdFrom || filter.createdTo
      ? {
          ...(filter.createdFrom ? { gte: filter.createdFrom } : {}),
          ...(filter.createdTo ? { lte: filter.createdTo } : {}),
        }
      : undefined;
  return {
    businessId,
    ...(filter.customerId ? { customerId: filter.customerId } : {}),
    ...(filter.productId ? { productId: filter.productId } : {}),
    ...(filter.source ? { source: filter.source } : {}),
    ...(createdAt ? { createdAt } : {}),
    ...(filter.status ? { AND: [licenseKeyStatusWhere(filter.status, now)] } : {}),
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

/** Keys of the actor's business, newest first (ties by id), filtered, one page. */
export async function listLicenseKeys(
  actor: Actor,
  filter: LicenseKeyFilter,
  page: Page,
  now = new Date(),
): Promise<LicenseKey[]> {
  assertCan(actor, 'keys:view');
  const rows = await db.licenseKey.findMany({
    where: filterWhere(actor.businessId, filter, now),
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    ...skipTake(page),
    select: licenseKeySelect,
  });
  return rows.map((row) => toLicenseKey(row, now));
}
