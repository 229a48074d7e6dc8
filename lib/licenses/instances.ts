import 'server-only';
import { db } from '@/lib/db';
import { newId } from '@/lib/ids';

// Activation and deactivation: the two writes that must keep `instancesCount` equal to the number
// of live instances and never above the limit, under any concurrency and on every engine
// (../shared/FACTS.md, hazard 2). Each is one conditional statement plus one insert or delete,
// in one transaction; nothing reads the count and then writes it.

export type ActivationRefusal =
  'LICENSE_KEY_NOT_FOUND' | 'INACTIVE_LICENSE_KEY' | 'LICENSE_KEY_LIMIT_REACHED';

export type ActivationResult =
  | {
      ok: true;
      instance: {
        id: string;
        businessId: string;
        licenseKeyId: string;
        name: string;
        createdAt: Date;
      };
    }
  | { ok: false; code: ActivationRefusal };

/** Activates `licenseKey` (the key string) on an instance called `name`. */
export async function activateLicenseKey(
  licenseKey: string,
  name: string,
  now = new Date(),
): Promise<ActivationResult> {
  return db.$transaction(async (tx) => {
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
      select: { id: true, businessId: true, disabled: true, expiresAt: true },
    });
    if (count === 0) {
      if (!key) return { ok: false, code: 'LICENSE_KEY_NOT_FOUND' };
      const inactive = key.disabled || (key.expiresAt !== null && key.expiresAt <= now);
      return { ok: false, code: inactive ? 'INACTIVE_LICENSE_KEY' : 'LICENSE_KEY_LIMIT_REACHED' };
    }
    const instance = await tx.licenseKeyInstance.create({
      data: {
        id: newId('lki'),
        businessId: key!.businessId,
        licenseKeyId: key!.id,
        name,
        createdAt: now,
      },
      select: { id: true, businessId: true, licenseKeyId: true, name: true, createdAt: true },
    });
    return { ok: true, instance };
  });
}

/**
 * Removes one instance of a key and frees its seat. `where` names the key: by its string (the public
 * endpoint) or by id within a business (the dashboard). Returns false when there is no such instance
 * of that key; then nothing changes.
 */
export async function deactivateInstance(
  where: { licenseKey: string } | { licenseKeyId: string; businessId: string },
  instanceId: string,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const key = await tx.licenseKey.findFirst({
      where:
        'licenseKey' in where
          ? { key: where.licenseKey }
          : { id: where.licenseKeyId, businessId: where.businessId },
      select: { id: true },
    });
    if (!key) return false;
    const { count } = await tx.licenseKeyInstance.deleteMany({
      where: { id: instanceId, licenseKeyId: key.id },
    });
    if (count === 0) return false;
    await tx.licenseKey.updateMany({
      where: { id: key.id, instancesCount: { gt: 0 } },
      data: { instancesCount: { decrement: 1 } },
    });
    return true;
  });
}
