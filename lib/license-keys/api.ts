import 'server-only';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, type Actor } from '@/lib/auth/authorize';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { apiErrors } from '@/lib/http/api-error';
import { createLicenseKey } from './data';
import type { ApiListLicenseKeysQuery, ApiUpdateLicenseKey } from './api-schema';
import type { CreateLicenseKeyInput } from './schema';
import { licenseKeyStatus, licenseKeyStatusWhere } from './status';

const apiSelect = {
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
} as const satisfies Prisma.LicenseKeySelect;

type ApiRow = Prisma.LicenseKeyGetPayload<{ select: typeof apiSelect }>;

/** A license key as Dodo's API shows it. Keydesk has one brand per business: brand_id is the business. */
export function toApiLicenseKey(row: ApiRow, now = new Date()) {
  return {
    id: row.id,
    business_id: row.businessId,
    brand_id: row.businessId,
    key: row.key,
    status: licenseKeyStatus(row, now),
    source: row.source,
    customer_id: row.customerId,
    product_id: row.productId,
    instances_count: row.instancesCount,
    activations_limit: row.activationsLimit,
    expires_at: row.expiresAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
    payment_id: row.paymentId,
    subscription_id: row.subscriptionId,
  };
}

export type ApiLicenseKey = ReturnType<typeof toApiLicenseKey>;

const notFound = () => apiErrors.notFound('LICENSE_KEY_NOT_FOUND', 'License key not found.');

/** POST /license_keys: imports a key; 404 for a customer or product not of this business, 409 for a taken key. */
export async function createLicenseKeyForApi(actor: Actor, input: CreateLicenseKeyInput) {
  const result = await createLicenseKey(actor, input);
  if (!result.ok) {
    const { fieldErrors } = result;
    if (fieldErrors.key)
      throw apiErrors.conflict(
        'LICENSE_KEY_ALREADY_EXISTS',
        'A license key with this key already exists.',
      );
    if (fieldErrors.customerId)
      throw apiErrors.notFound('CUSTOMER_NOT_FOUND', 'Customer not found.');
    if (fieldErrors.productId) throw apiErrors.notFound('PRODUCT_NOT_FOUND', 'Product not found.');
    throw apiErrors.invalid(result.formError ?? 'Invalid license key.', fieldErrors);
  }
  return getLicenseKeyForApi(actor, result.id);
}

export async function getLicenseKeyForApi(actor: Actor, id: string): Promise<ApiLicenseKey> {
  assertCan(actor, 'keys:view');
  const row = await db.licenseKey.findFirst({
    where: { id, businessId: actor.businessId },
    select: apiSelect,
  });
  if (!row) throw notFound();
  return toApiLicenseKey(row);
}

/** GET /license_keys: newest first, filtered, one page. */
export async function listLicenseKeysForApi(actor: Actor, query: ApiListLicenseKeysQuery) {
  assertCan(actor, 'keys:view');
  const now = new Date();
  const where: Prisma.LicenseKeyWhereInput = {
    businessId: actor.businessId,
    ...(query.customer_id ? { customerId: query.customer_id } : {}),
    ...(query.product_id ? { productId: query.product_id } : {}),
    ...(query.source ? { source: query.source } : {}),
    ...(query.created_at_gte || query.created_at_lte
      ? {
          createdAt: {
            ...(query.created_at_gte ? { gte: new Date(query.created_at_gte) } : {}),
            ...(query.created_at_lte ? { lte: new Date(query.created_at_lte) } : {}),
          },
        }
      : {}),
    ...(query.status ? { AND: [licenseKeyStatusWhere(query.status, now)] } : {}),
  };
  const rows = await db.licenseKey.findMany({
    where,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    skip: query.page_number * query.page_size,
    take: query.page_size,
    select: apiSelect,
  });
  return { items: rows.map((row) => toApiLicenseKey(row, now)) };
}

/**
 * PATCH /license_keys/{id}. One conditional statement, so that a new limit below the activations
 * already used is refused even while activations arrive (422 ACTIVATION_LIMIT_LESS_THAN_CURRENT_AMOUNT).
 */
export async function updateLicenseKeyForApi(actor: Actor, id: string, patch: ApiUpdateLicenseKey) {
  assertCan(actor, 'keys:disable');
  const data: Prisma.LicenseKeyUpdateManyMutationInput = {};
  if (patch.activations_limit !== undefined) data.activationsLimit = patch.activations_limit;
  if (patch.disabled !== undefined && patch.disabled !== null) data.disabled = patch.disabled;
  if (patch.expires_at !== undefined) {
    data.expiresAt = patch.expires_at === null ? null : new Date(patch.expires_at);
  }
  if (Object.keys(data).length === 0) return getLicenseKeyForApi(actor, id);
  return db.$transaction(async (tx) => {
    const limit = patch.activations_limit;
    const { count } = await tx.licenseKey.updateMany({
      where: {
        id,
        businessId: actor.businessId,
        ...(typeof limit === 'number' ? { instancesCount: { lte: limit } } : {}),
      },
      data,
    });
    if (count === 0) {
      const exists = await tx.licenseKey.findFirst({
        where: { id, businessId: actor.businessId },
        select: { instancesCount: true },
      });
      if (!exists) throw notFound();
      throw apiErrors.invalid(
        `The activations limit cannot be below the ${exists.instancesCount} activations in use.`,
        { activations_limit: ['Below the current number of activations.'] },
        'ACTIVATION_LIMIT_LESS_THAN_CURRENT_AMOUNT',
      );
    }
    const changed = Object.keys(data);
    if (changed.length > 0) {
      await recordAudit(tx, actor, {
        action: 'license_key.updated',
        objectType: 'license_key',
        objectId: id,
        summary: `Updated ${changed
          .map(
            (field) =>
              ({
                activationsLimit: 'activations limit',
                disabled: 'disabled',
                expiresAt: 'expiry',
              })[field],
          )
          .join(', ')}`,
      });
    }
    const row = await tx.licenseKey.findFirstOrThrow({ where: { id }, select: apiSelect });
    return toApiLicenseKey(row);
  });
}
