import 'server-only';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, type Actor } from '@/lib/auth/authorize';
import { db } from '@/lib/db';
import { newId } from '@/lib/ids';
import { isForeignKeyViolation, uniqueViolationFields } from '@/lib/prisma-errors';
import { generateLicenseKey } from './key-generator';
import {
  CUSTOMER_NOT_FOUND_MESSAGE,
  KEY_ALREADY_EXISTS_MESSAGE,
  PRODUCT_NOT_FOUND_MESSAGE,
  type CreateLicenseKeyFailure,
  type CreateLicenseKeyInput,
} from './schema';
import { licenseKeyStatus, type LicenseKeySource, type LicenseKeyStatus } from './status';
import { maskLicenseKey } from '@/lib/log';

export type CreateLicenseKeyResult = { ok: true; id: string } | CreateLicenseKeyFailure;

/** A generated key clashing with an existing one is astronomically unlikely; try a few times anyway. */
const GENERATE_ATTEMPTS = 3;

/**
 * Issues (generate mode) or imports a key for a customer and a product of `businessId`.
 * The ownership checks and the insert share one transaction, so nothing is written unless the
 * customer and the product both belong to the business. Expected failures come back as values.
 */
export async function createLicenseKey(
  actor: Actor,
  input: CreateLicenseKeyInput,
): Promise<CreateLicenseKeyResult> {
  assertCan(actor, 'keys:issue');
  for (let attempt = 1; ; attempt++) {
    try {
      return await insertLicenseKey(actor, input);
    } catch (error) {
      if (uniqueViolationFields(error)?.includes('key')) {
        if (input.mode === 'generate' && attempt < GENERATE_ATTEMPTS) continue;
        return { ok: false, fieldErrors: { key: [KEY_ALREADY_EXISTS_MESSAGE] } };
      }
      if (isForeignKeyViolation(error)) {
        // The customer or product was deleted between the check and the insert.
        return {
          ok: false,
          fieldErrors: {
            customerId: [CUSTOMER_NOT_FOUND_MESSAGE],
            productId: [PRODUCT_NOT_FOUND_MESSAGE],
          },
        };
      }
      throw error;
    }
  }
}

function insertLicenseKey(actor: Actor, input: CreateLicenseKeyInput) {
  const { businessId } = actor;
  return db.$transaction(async (tx): Promise<CreateLicenseKeyResult> => {
    const customer = await tx.customer.findFirst({
      where: { id: input.customerId, businessId },
      select: { id: true },
    });
    const product = await tx.product.findFirst({
      where: { id: input.productId, businessId },
      select: { id: true, keyPrefix: true },
    });
    if (!customer || !product) {
      const fieldErrors: CreateLicenseKeyFailure['fieldErrors'] = {};
      if (!customer) fieldErrors.customerId = [CUSTOMER_NOT_FOUND_MESSAGE];
      if (!product) fieldErrors.productId = [PRODUCT_NOT_FOUND_MESSAGE];
      return { ok: false, fieldErrors };
    }
    const key = input.mode === 'import' ? input.key : generateLicenseKey(product.keyPrefix);
    const created = await tx.licenseKey.create({
      data: {
        id: newId('lic'),
        businessId,
        key,
        customerId: customer.id,
        productId: product.id,
        activationsLimit: input.activationsLimit,
        expiresAt: input.expiresAt === null ? null : new Date(input.expiresAt),
        source: input.mode === 'import' ? 'import' : 'manual',
      },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: input.mode === 'import' ? 'license_key.imported' : 'license_key.issued',
      objectType: 'license_key',
      objectId: created.id,
      summary: `${input.mode === 'import' ? 'Imported' : 'Issued'} key ${maskLicenseKey(key)}`,
    });
    return { ok: true, id: created.id };
  });
}

/**
 * Disables or enables a key of the actor's business. A key of another business, or none, is
 * "not found", and nothing is written. Returns false when there is no such key.
 */
export async function setLicenseKeyDisabled(
  actor: Actor,
  id: string,
  disabled: boolean,
): Promise<boolean> {
  assertCan(actor, 'keys:disable');
  return db.$transaction(async (tx) => {
    const { count } = await tx.licenseKey.updateMany({
      where: { id, businessId: actor.businessId },
      data: { disabled },
    });
    if (count === 0) return false;
    await recordAudit(tx, actor, {
      action: disabled ? 'license_key.disabled' : 'license_key.enabled',
      objectType: 'license_key',
      objectId: id,
      summary: disabled ? 'Disabled the key' : 'Enabled the key',
    });
    return true;
  });
}

const licenseKeySelect = {
  id: true,
  key: true,
  disabled: true,
  expiresAt: true,
  activationsLimit: true,
  instancesCount: true,
  source: true,
  paymentId: true,
  subscriptionId: true,
  createdAt: true,
  customer: { select: { id: true, name: true, email: true } },
  product: { select: { id: true, name: true } },
} as const;

export type LicenseKeyDetail = {
  id: string;
  key: string;
  status: LicenseKeyStatus;
  source: LicenseKeySource;
  activationsLimit: number | null;
  instancesCount: number;
  expiresAt: Date | null;
  createdAt: Date;
  paymentId: string | null;
  subscriptionId: string | null;
  customer: { id: string; name: string; email: string };
  product: { id: string; name: string };
};

export type LicenseKeyListItem = Omit<LicenseKeyDetail, 'key'> & { maskedKey: string };

/** One key of the business, with its full key string (for its own page), or null. */
export async function getLicenseKey(
  businessId: string,
  id: string,
): Promise<LicenseKeyDetail | null> {
  const row = await db.licenseKey.findFirst({
    where: { id, businessId },
    select: licenseKeySelect,
  });
  if (!row) return null;
  const { disabled, ...rest } = row;
  return { ...rest, status: licenseKeyStatus({ disabled, expiresAt: row.expiresAt }) };
}

/** The newest keys of the business, keys masked. */
export async function listRecentLicenseKeys(
  businessId: string,
  take = 50,
): Promise<LicenseKeyListItem[]> {
  const rows = await db.licenseKey.findMany({
    where: { businessId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take,
    select: licenseKeySelect,
  });
  const now = new Date();
  return rows.map(({ key, disabled, ...rest }) => ({
    ...rest,
    maskedKey: maskLicenseKey(key),
    status: licenseKeyStatus({ disabled, expiresAt: rest.expiresAt }, now),
  }));
}
