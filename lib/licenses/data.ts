import 'server-only';
import { recordAudit } from '@/lib/audit/record';
import { coalesced, gatheredPerTurn } from '@/lib/database/coalesced';
import { db, dbEngine, direct } from '@/lib/db';
import { flag, instant, whole, type Row } from '@/lib/database/direct';
import { Prisma } from '@/lib/generated/prisma/client';
import { licenseKeyStatus } from '@/lib/license-keys/status';
import { recordActivity, tallyKeyChange, talliedKeySelect } from '@/lib/overview/data-tally';
import { wakeWebhooks } from '@/lib/outbox/wake';
import { fail, ok, type Result } from '@/lib/result';
import { emitWebhookEvents } from '@/lib/webhooks/data-events';
import { instanceData } from '@/lib/webhooks/payload';
import { holderActor, type LicenseHolder } from './holder';
import { shortInstanceName } from './names';
import type { LicenseValidationCode } from './schema';

// What shipped software does with a license key (activate, deactivate, validate), and the seat
// counting that keeps `instancesCount` equal to the live instances and never above the limit,
// under any concurrency, across processes and on every engine. Each write is one
// conditional statement plus one insert or delete, in one transaction with its audit event;
// nothing reads the count and then writes it. The key string is never logged or stored whole.

export const instanceSelect = {
  id: true,
  businessId: true,
  licenseKeyId: true,
  name: true,
  createdAt: true,
} as const satisfies Prisma.LicenseKeyInstanceSelect;

export {
  holderActor,
  type Activation,
  type ActivationCode,
  type LicenseHolder,
  type LicenseKeyInstance,
} from './holder';
export { activateLicenseKey } from './data-activate';

/**
 * Removes one instance of a key and frees its seat, inside the caller's transaction, counts the
 * deactivation at `at` (the caller records its audit event at the same instant) and writes the
 * webhook event license_key_instance.deleted. Returns the instance's name and how many webhook
 * events were written (the caller wakes the outbox after its commit), or null when the key has no
 * such instance; then nothing changes.
 */
export async function freeSeat(
  tx: Prisma.TransactionClient,
  licenseKeyId: string,
  instanceId: string,
  at: Date,
): Promise<{ name: string; webhookEvents: number } | null> {
  const instance = await tx.licenseKeyInstance.findFirst({
    where: { id: instanceId, licenseKeyId },
    select: instanceSelect,
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
  const webhookEvents = await emitWebhookEvents(tx, key.businessId, [
    { type: 'license_key_instance.deleted', at, data: instanceData(instance) },
  ]);
  return { name: instance.name, webhookEvents };
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
  let webhookEvents = 0;
  const result = await db.$transaction(async (tx) => {
    const key = await tx.licenseKey.findUnique({
      where: { key: licenseKey },
      select: { id: true, businessId: true },
    });
    if (!key) return fail('LICENSE_KEY_NOT_FOUND');
    const at = new Date();
    const freed = await freeSeat(tx, key.id, instanceId, at);
    if (freed === null) return fail('LICENSE_KEY_INSTANCE_NOT_FOUND');
    const { name } = freed;
    webhookEvents = freed.webhookEvents;
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
  if (webhookEvents > 0) wakeWebhooks();
  return result;
}

type Validation = { licenseKey: string; instanceId: string | undefined };

/**
 * SQLite: one validation's statement, a read in the process with no round trip to share. The
 * validations asked for in one turn of the event loop run back to back (lib/database/coalesced.ts).
 */
const readValidation = gatheredPerTurn<Validation, Row | undefined>(
  async (asked) => (await direct.rows(validationQuery(asked)))[0],
);
const validationQuery = ({ licenseKey, instanceId }: Validation) => Prisma.sql`
  SELECT "disabled", "expiresAt", ${
    instanceId === undefined
      ? Prisma.sql`1`
      : Prisma.sql`(SELECT COUNT(*) FROM "LicenseKeyInstance" AS i
          WHERE i."id" = ${instanceId} AND i."licenseKeyId" = k."id")`
  } AS "instances"
  FROM "LicenseKey" AS k WHERE k."key" = ${licenseKey}`;

/**
 * PostgreSQL: validations asked for while one is on its way are read together, in one statement
 * (lib/database/coalesced.ts): under load, one round trip and one backend wake-up for many.
 *
 * The validations are rows of a VALUES list, so the statement's text says how many it asks for
 * (one prepared statement per group size, at most coalesced's 100). Read from arrays with unnest(),
 * the text was one for every size, but PostgreSQL then guessed a plan for any size to cost ten
 * times one for the size at hand, and planned the statement anew on every run (0.12 ms each, four
 * times what reading the keys took); VALUES plans are kept after the fifth run.
 */
const readValidations = coalesced<Validation, Row | undefined>(async (validations) => {
  const asked = Prisma.join(
    validations.map(
      ({ licenseKey, instanceId }, i) =>
        Prisma.sql`(CAST(${licenseKey} AS text), CAST(${instanceId ?? null} AS text), ${Prisma.raw(String(i + 1))})`,
    ),
  );
  const rows = await direct.rows(Prisma.sql`
    SELECT asked."n", k."disabled", k."expiresAt",
      CASE WHEN asked."instanceId" IS NULL THEN 1 ELSE (
        SELECT COUNT(*) FROM "LicenseKeyInstance" AS i
        WHERE i."id" = asked."instanceId" AND i."licenseKeyId" = k."id") END AS "instances"
    FROM (VALUES ${asked}) AS asked("key", "instanceId", "n")
    JOIN "LicenseKey" AS k ON k."key" = asked."key"`);
  const byPlace = new Map(rows.map((row) => [whole(row.n), row]));
  return validations.map((_, i) => byPlace.get(i + 1));
});

/**
 * Whether a key may be used: it exists, is neither disabled nor expired and, when an instance id
 * is given, that instance is activated on it. Reads only, in one statement.
 */
export async function validateLicenseKey(
  licenseKey: string,
  instanceId: string | undefined,
  now = new Date(),
): Promise<LicenseValidationCode> {
  const asked = { licenseKey, instanceId };
  const key =
    dbEngine === 'postgresql' ? await readValidations(asked) : await readValidation(asked);
  if (!key) return 'LICENSE_KEY_NOT_FOUND';
  const status = licenseKeyStatus(
    { disabled: flag(key.disabled), expiresAt: instant(key.expiresAt) },
    now,
  );
  if (status === 'disabled') return 'LICENSE_KEY_DISABLED';
  if (status === 'expired') return 'LICENSE_KEY_EXPIRED';
  if (whole(key.instances) === 0) return 'LICENSE_KEY_INSTANCE_NOT_FOUND';
  return 'VALID';
}
