import 'server-only';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, type Actor } from '@/lib/auth/authorize';
import { db } from '@/lib/db';
import { licenseKeyStatus } from '@/lib/license-keys/status';
import { freeSeat, instanceSelect, type LicenseKeyInstance } from '@/lib/licenses/data';
import { shortInstanceName } from '@/lib/licenses/names';
import { skipTake, type Page } from '@/lib/paging';
import { wakeWebhooks } from '@/lib/outbox/wake';
import { fail, ok, type Result } from '@/lib/result';
import type { LicenseKeyUsage } from './queries';

// A business's instances (the activations of its keys), as the dashboard and the REST API read
// and change them. Activation itself, and the seat counting, live in lib/licenses/data.ts.

export type { LicenseKeyInstance } from '@/lib/licenses/data';

/** The key page lists at most this many instances, newest first; the count always covers all. */
export const INSTANCES_SHOWN = 100;

const newestFirst = [{ createdAt: 'desc' as const }, { id: 'desc' as const }];

/** Instances of the actor's business, newest first, optionally of one key; one page. */
export async function listInstances(
  actor: Actor,
  filter: { licenseKeyId?: string },
  page: Page,
): Promise<LicenseKeyInstance[]> {
  assertCan(actor, 'keys:view');
  return db.licenseKeyInstance.findMany({
    where: {
      businessId: actor.businessId,
      ...(filter.licenseKeyId ? { licenseKeyId: filter.licenseKeyId } : {}),
    },
    orderBy: newestFirst,
    ...skipTake(page),
    select: instanceSelect,
  });
}

/** One instance of the actor's business, or null (also for another business's instance). */
export async function getInstance(actor: Actor, id: string): Promise<LicenseKeyInstance | null> {
  assertCan(actor, 'keys:view');
  return db.licenseKeyInstance.findFirst({
    where: { id, businessId: actor.businessId },
    select: instanceSelect,
  });
}

/**
 * What the key page shows live: the seat count, the limit, the status and the instances, read in
 * one transaction so the count and the list agree. Null for a key of another business, or none.
 */
export async function getLicenseKeyUsage(
  actor: Actor,
  licenseKeyId: string,
): Promise<LicenseKeyUsage | null> {
  assertCan(actor, 'keys:view');
  const { businessId } = actor;
  const [key, instances] = await db.$transaction([
    db.licenseKey.findFirst({
      where: { id: licenseKeyId, businessId },
      select: { instancesCount: true, activationsLimit: true, disabled: true, expiresAt: true },
    }),
    db.licenseKeyInstance.findMany({
      where: { businessId, licenseKeyId },
      orderBy: newestFirst,
      take: INSTANCES_SHOWN,
      select: { id: true, name: true, createdAt: true },
    }),
  ]);
  if (!key) return null;
  return {
    instancesCount: key.instancesCount,
    activationsLimit: key.activationsLimit,
    status: licenseKeyStatus(key),
    instances: instances.map((instance) => ({
      ...instance,
      createdAt: instance.createdAt.toISOString(),
    })),
  };
}

type InstanceCode = 'LICENSE_KEY_INSTANCE_NOT_FOUND';

/** Renames an instance of the actor's business, audited in the same transaction. */
export async function renameInstance(
  actor: Actor,
  id: string,
  name: string,
): Promise<Result<LicenseKeyInstance, InstanceCode>> {
  assertCan(actor, 'keys:edit');
  const where = { id, businessId: actor.businessId };
  return db.$transaction(async (tx): Promise<Result<LicenseKeyInstance, InstanceCode>> => {
    const before = await tx.licenseKeyInstance.findFirst({ where, select: { name: true } });
    if (!before) return fail('LICENSE_KEY_INSTANCE_NOT_FOUND');
    const { count } = await tx.licenseKeyInstance.updateMany({ where, data: { name } });
    // Deactivated between the read and the write (another engine than SQLite): gone.
    if (count === 0) return fail('LICENSE_KEY_INSTANCE_NOT_FOUND');
    await recordAudit(tx, actor, {
      action: 'license_key_instance.renamed',
      objectType: 'license_key_instance',
      objectId: id,
      summary: `Renamed instance "${before.name}" to "${name}"`,
    });
    return ok(await tx.licenseKeyInstance.findFirstOrThrow({ where, select: instanceSelect }));
  });
}

/**
 * Deactivates one instance of a key of the actor's business and frees its seat; the event
 * `license_key_instance.deactivated` on the key (its history shows it) is written in the same
 * transaction. Nothing is written when the key is not the business's or the instance not the key's.
 */
export async function deactivateInstance(
  actor: Actor,
  licenseKeyId: string,
  instanceId: string,
): Promise<Result<null, InstanceCode>> {
  assertCan(actor, 'keys:edit');
  let webhookEvents = 0;
  const result = await db.$transaction(async (tx): Promise<Result<null, InstanceCode>> => {
    const key = await tx.licenseKey.findFirst({
      where: { id: licenseKeyId, businessId: actor.businessId },
      select: { id: true },
    });
    const at = new Date();
    const freed = key ? await freeSeat(tx, key.id, instanceId, at) : null;
    if (freed === null) return fail('LICENSE_KEY_INSTANCE_NOT_FOUND');
    const { name } = freed;
    webhookEvents = freed.webhookEvents;
    await recordAudit(
      tx,
      actor,
      {
        action: 'license_key_instance.deactivated',
        objectType: 'license_key',
        objectId: licenseKeyId,
        summary: `Deactivated instance “${shortInstanceName(name)}” (${instanceId})`,
      },
      at,
    );
    return ok(null);
  });
  if (webhookEvents > 0) wakeWebhooks();
  return result;
}
