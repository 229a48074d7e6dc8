import 'server-only';
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
  businessId: string,
  input: CreateLicenseKeyInput,
): Promise<CreateLicenseKeyResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await insertLicenseKey(businessId, input);
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

function insertLicenseKey(businessId: string, input: CreateLicenseKeyInput) {
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
    const created = await tx.licenseKey.create({
      data: {
        id: newId('lic'),
        businessId,
        key: input.mode === 'import' ? input.key : generateLicenseKey(product.keyPrefix),
        customerId: customer.id,
        productId: product.id,
        activationsLimit: input.activationsLimit,
        expiresAt: input.expiresAt === null ? null : new Date(input.expiresAt),
        source: input.mode === 'import' ? 'import' : 'manual',
      },
      select: { id: true },
    });
    return { ok: true, id: created.id };
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
