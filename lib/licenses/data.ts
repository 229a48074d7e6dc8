import 'server-only';
import { recordAudit } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/authorize';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { newId } from '@/lib/ids';
import { licenseKeyStatus } from '@/lib/license-keys/status';
import { recordActivity, tallyKeyChange, talliedKeySelect } from '@/lib/overview/data-tally';
import { fail, ok, type Result } from '@/lib/result';
import { shortInstanceName } from './names';
import type { LicenseValidationCode } from './schema';

// What shipped software does with a license key (activate, deactivate, validate), and the seat
// counting that keeps `instancesCount` equal to the live instances and never above the limit,
// under any concurrency, across processes and on every engine. Each write is one
// conditional statement plus one insert or delete, in one transaction with its audit event;
// nothing reads the count and then writes it. The key string is never logged or stored whole.

/** Who called a public endpoint: no account, only the request and the client's address. */
export type LicenseHolder = { requestId: string; address: string };

export type LicenseKeyInstance = {
  id: string;
  businessId: string;
  licenseKeyId: string;
  name: string;
  createdAt: Date;
};

export const instanceSelect = {
  id: true,
  businessId: true,
  licenseKeyId: true,
  name: true,
  createdAt: true,
} as const satisfies Prisma.LicenseKeyInstanceSelect;

export type Activation = {
  instance: LicenseKeyInstance;
  customer: { id: string; name: string; email: string };
  product: { id: string; name: string };
};

export type ActivationCode =
  'LICENSE_KEY_NOT_FOUND' | 'INACTIVE_LICENSE_KEY' | 'LICENSE_KEY_LIMIT_REACHED';

/** The actor a license holder's change is recorded under, in the business of the key. */
function holderActor(holder: LicenseHolder, businessId: string): Actor {
  return {
    businessId,
    type: 'license_holder',
    id: holder.address,
    name: 'License holder',
    role: null,
    requestId: holder.requestId,
  };
}

/** Activates `licenseKey` (the key string) on an instance called `name`, and records it. */
export async function activateLicenseKey(
  licenseKey: string,
  name: string,
  holder: LicenseHolder,
  now = new Date(),
): Promise<Result<Activation, ActivationCode>> {
  return db.$transaction(async (tx): Promise<Result<Activation, ActivationCode>> => {
    // Take a seat only if the key is usable and has one free: a single UPDATE … WHERE.
    const { count } = await tx.licenseKey.updateMany({
      where: {
        key: licenseKey,
        disabled: false,
        OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
        AND: [
          {
            OR: [
              { activationsLimit: null },
              { instancesCount: { lt: tx.licenseKey.fields.activationsLimit } },
            ],
          },
        ],
      },
      data: { instancesCount: { increment: 1 } },
    });
    const key = await tx.licenseKey.findUnique({
      where: { key: licenseKey },
      select: { id: true, businessId: true, ...talliedKeySelect },
    });
    if (count === 0 || !key) {
      if (!key) return fail('LICENSE_KEY_NOT_FOUND');
      const inactive = licenseKeyStatus(key, now) !== 'active';
      return fail(inactive ? 'INACTIVE_LICENSE_KEY' : 'LICENSE_KEY_LIMIT_REACHED');
    }
    // The instance, with its key's customer and product (read only when the seat was taken).
    const { licenseKey: owner, ...instance } = await tx.licenseKeyInstance.create({
      data: {
        id: newId('lki'),
        businessId: key.businessId,
        licenseKeyId: key.id,
        name,
        createdAt: now,
      },
      select: {
        ...instanceSelect,
        licenseKey: {
          select: {
            customer: { select: { id: true, name: true, email: true } },
            product: { select: { id: true, name: true } },
          },
        },
      },
    });
    await recordAudit(
      tx,
      holderActor(holder, key.businessId),
      {
        action: 'license_key_instance.activated',
        objectType: 'license_key',
        objectId: key.id,
        summary: `Activated instance “${shortInstanceName(name)}” (${instance.id}) from ${holder.address}`,
      },
      now,
    );
    // The row was read after this transaction's own increment, which holds it: one seat more.
    await tallyKeyChange(
      tx,
      key.businessId,
      { ...key, instancesCount: key.instancesCount - 1 },
      key,
    );
    await recordActivity(tx, key.businessId, now, { activations: 1 });
    return ok({ instance, customer: owner.customer, product: owner.product });
  });
}

/**
 * Removes one instance of a key and frees its seat, inside the caller's transaction, and counts the
 * deactivation at `at` (the caller records its audit event at the same instant). Returns the
 * instance's name, or null when the key has no such instance; then nothing changes.
 */
export async function freeSeat(
  tx: Prisma.TransactionClient,
  licenseKeyId: string,
  instanceId: string,
  at: Date,
): Promise<string | null> {
  const instance = await tx.licenseKeyInstance.findFirst({
    where: { id: instanceId, licenseKeyId },
    select: { name: true },
  });
  if (!instance) return null;
  const { count } = await tx.licenseKeyInstance.deleteMany({
    where: { id: instanceId, licenseKeyId },
  });
  if (count === 0) return null;
  const freed = await tx.licenseKey.updateMany({
    where: { id: licenseKeyId, instancesCount: { gt: 0 } },
    data: { instancesCount: { decrement: 1 } },
  });
  const key = await tx.licenseKey.findUniqueOrThrow({
    where: { id: licenseKeyId },
    select: { businessId: true, ...talliedKeySelect },
  });
  if (freed.count === 1) {
    // Read after this transaction's own decrement, which holds the row: one seat fewer.
    await tallyKeyChange(
      tx,
      key.businessId,
      { ...key, instancesCount: key.instancesCount + 1 },
      key,
    );
  }
  await recordActivity(tx, key.businessId, at, { deactivations: 1 });
  return instance.name;
}

/**
 * A license holder frees the seat of one instance, whatever the key's status (a disabled or
 * expired key may still release its machines), and it is recorded in the key's history.
 */
export async function deactivateLicenseKey(
  licenseKey: string,
  instanceId: string,
  holder: LicenseHolder,
): Promise<Result<null, 'LICENSE_KEY_NOT_FOUND' | 'LICENSE_KEY_INSTANCE_NOT_FOUND'>> {
  return db.$transaction(async (tx) => {
    const key = await tx.licenseKey.findUnique({
      where: { key: licenseKey },
      select: { id: true, businessId: true },
    });
    if (!key) return fail('LICENSE_KEY_NOT_FOUND');
    const at = new Date();
    const name = await freeSeat(tx, key.id, instanceId, at);
    if (name === null) return fail('LICENSE_KEY_INSTANCE_NOT_FOUND');
    await recordAudit(
      tx,
      holderActor(holder, key.businessId),
      {
        action: 'license_key_instance.deactivated',
        objectType: 'license_key',
        objectId: key.id,
        summary: `Deactivated instance “${shortInstanceName(name)}” (${instanceId}) from ${holder.address}`,
      },
      at,
    );
    return ok(null);
  });
}

/**
 * Whether a key may be used: it exists, is neither disabled nor expired and, when an instance id
 * is given, that instance is activated on it. Reads only.
 */
export async function validateLicenseKey(
  licenseKey: string,
  instanceId: string | undefined,
  now = new Date(),
): Promise<LicenseValidationCode> {
  const key = await db.licenseKey.findUnique({
    where: { key: licenseKey },
    select: { id: true, disabled: true, expiresAt: true },
  });
  if (!key) return 'LICENSE_KEY_NOT_FOUND';
  const status = licenseKeyStatus(key, now);
  if (status === 'disabled') return 'LICENSE_KEY_DISABLED';
  if (status === 'expired') return 'LICENSE_KEY_EXPIRED';
  if (instanceId) {
    const instance = await db.licenseKeyInstance.findFirst({
      where: { id: instanceId, licenseKeyId: key.id },
      select: { id: true },
    });
    if (!instance) return 'LICENSE_KEY_INSTANCE_NOT_FOUND';
  }
  return 'VALID';
}
