import 'server-only';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, type Actor } from '@/lib/auth/authorize';
import { db } from '@/lib/db';
import { licenseKeyStatus } from '@/lib/license-keys/status';
import { deactivateInstance } from '@/lib/licenses/instances';
import { logUnexpectedError } from '@/lib/log';
import type { LicenseKeyUsage } from './queries';

// The dashboard's reads and writes of a key's instances (its activations). Activation itself, and
// the seat counting, live in lib/licenses/instances.ts.

/** At most this many instances are listed, newest first; the count always covers all of them. */
export const INSTANCES_SHOWN = 100;

export type InstanceView = { id: string; name: string; createdAt: Date };

const instanceSelect = { id: true, name: true, createdAt: true } as const;

function instancesOf(businessId: string, licenseKeyId: string) {
  return db.licenseKeyInstance.findMany({
    where: { businessId, licenseKeyId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: INSTANCES_SHOWN,
    select: instanceSelect,
  });
}

/** The instances of a key of the business, newest first. A key of another business has none. */
export function listInstances(businessId: string, licenseKeyId: string): Promise<InstanceView[]> {
  return instancesOf(businessId, licenseKeyId);
}

/**
 * What the key page shows live: the seat count, the limit, the status and the instances, read in
 * one transaction so the count and the list agree. Null for a key of another business, or none.
 */
export async function getLicenseKeyUsage(
  businessId: string,
  licenseKeyId: string,
): Promise<LicenseKeyUsage | null> {
  const [key, instances] = await db.$transaction([
    db.licenseKey.findFirst({
      where: { id: licenseKeyId, businessId },
      select: { instancesCount: true, activationsLimit: true, disabled: true, expiresAt: true },
    }),
    instancesOf(businessId, licenseKeyId),
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

/** Instance names come from the apps that activate; the audit trail keeps a readable length. */
const SUMMARY_NAME_LENGTH = 80;

/**
 * Deactivates one instance of a key of the actor's business and frees its seat, then records
 * `license_key_instance.deactivated` on the key (so it shows in the key's history). Returns false,
 * writing nothing, when the key is not the business's or the instance is not that key's.
 *
 * The deactivation runs in its own transaction (lib/licenses/instances.ts); the audit event is
 * written right after it succeeds. Should the process die between the two, the seat is freed
 * without an event; should the event's insert fail, the failure is logged with the request id and
 * the deactivation is still reported, because it happened.
 */
export async function deactivateInstanceAsMember(
  actor: Actor,
  licenseKeyId: string,
  instanceId: string,
): Promise<boolean> {
  assertCan(actor, 'keys:disable');
  const instance = await db.licenseKeyInstance.findFirst({
    where: { id: instanceId, licenseKeyId, businessId: actor.businessId },
    select: { name: true },
  });
  if (!instance) return false;
  const removed = await deactivateInstance(
    { licenseKeyId, businessId: actor.businessId },
    instanceId,
  );
  if (!removed) return false;
  const name =
    instance.name.length > SUMMARY_NAME_LENGTH
      ? `${instance.name.slice(0, SUMMARY_NAME_LENGTH - 1)}…`
      : instance.name;
  try {
    await recordAudit(db, actor, {
      action: 'license_key_instance.deactivated',
      objectType: 'license_key',
      objectId: licenseKeyId,
      summary: `Deactivated instance “${name}” (${instanceId})`,
    });
  } catch (error) {
    // The seat is already free: answer that truthfully, and leave the missing event in the log.
    logUnexpectedError(actor.requestId, error, {
      action: 'recordInstanceDeactivated',
      businessId: actor.businessId,
      licenseKeyId,
      instanceId,
    });
  }
  return true;
}
