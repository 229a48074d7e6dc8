import 'server-only';
import { auditStatement } from '@/lib/audit/record';
import { db, dbEngine, direct } from '@/lib/db';
import { instant, whole, type Row } from '@/lib/database/direct';
import { Prisma } from '@/lib/generated/prisma/client';
import { newId, newTimeOrderedId } from '@/lib/ids';
import { licenseKeyStatus } from '@/lib/license-keys/status';
import {
  activationTallyFrom,
  activityFrom,
  activityStatement,
  tallyStatements,
} from '@/lib/overview/data-tally';
import { wakeWebhooks } from '@/lib/outbox/wake';
import { fail, ok, type Result } from '@/lib/result';
import { webhookEventFrom, webhookEventStatement } from '@/lib/webhooks/data-events';
import { instanceData, type WebhookEventInput } from '@/lib/webhooks/payload';
import { holderActor, type Activation, type ActivationCode, type LicenseHolder } from './holder';
import { shortInstanceName } from './names';

/**
 * Activates `licenseKey` (the key string) on an instance called `name`, and records it, on the
 * direct path (lib/database/direct.ts). The seat is taken by one conditional UPDATE, which also
 * returns what the answer and the counts need (the customer and product by subquery); then the
 * instance, its audit event and the overview's two counts. On PostgreSQL all of it is one
 * statement (data-modifying WITH); on SQLite one transaction of short statements.
 */
export async function activateLicenseKey(
  licenseKey: string,
  name: string,
  holder: LicenseHolder,
  now = new Date(),
): Promise<Result<Activation, ActivationCode>> {
  const instanceId = newId('lki');
  const summary = `Activated instance “${shortInstanceName(name)}” (${instanceId}) from ${holder.address}`;
  const activation = { licenseKey, name, instanceId, summary, holder, now };
  const key =
    dbEngine === 'postgresql'
      ? await activateOnPostgres(activation)
      : await activateInTransaction(activation);
  if (key) {
    if (whole(key.webhookEvents) > 0) wakeWebhooks();
    return ok({
      instance: {
        id: instanceId,
        businessId: String(key.businessId),
        licenseKeyId: String(key.id),
        name,
        createdAt: now,
      },
      customer: {
        id: String(key.customerId),
        name: String(key.customerName),
        email: String(key.customerEmail),
      },
      product: { id: String(key.productId), name: String(key.productName) },
    });
  }
  // No seat taken: say why, from the key as it is now.
  const found = await db.licenseKey.findUnique({
    where: { key: licenseKey },
    select: { disabled: true, expiresAt: true },
  });
  if (!found) return fail('LICENSE_KEY_NOT_FOUND');
  const inactive = licenseKeyStatus(found, now) !== 'active';
  return fail(inactive ? 'INACTIVE_LICENSE_KEY' : 'LICENSE_KEY_LIMIT_REACHED');
}

/** Takes a seat if the key is usable and has one free, returning the key as the increment left it. */
const takeSeat = (licenseKey: string, now: Date) => Prisma.sql`
  UPDATE "LicenseKey" SET "instancesCount" = "instancesCount" + 1
  WHERE "key" = ${licenseKey} AND "disabled" = false
    AND ("expiresAt" IS NULL OR "expiresAt" > ${now})
    AND ("activationsLimit" IS NULL OR "instancesCount" < "activationsLimit")
  RETURNING "id", "businessId", "customerId", "productId", "expiresAt", "activationsLimit",
    "instancesCount",
    (SELECT c."name" FROM "Customer" AS c WHERE c."id" = "LicenseKey"."customerId") AS "customerName",
    (SELECT c."email" FROM "Customer" AS c WHERE c."id" = "LicenseKey"."customerId") AS "customerEmail",
    (SELECT p."name" FROM "Product" AS p WHERE p."id" = "LicenseKey"."productId") AS "productName"`;

/** What an activation writes: the seat, the instance, and its audit event's summary. */
type Activating = {
  licenseKey: string;
  name: string;
  instanceId: string;
  summary: string;
  holder: LicenseHolder;
  now: Date;
};

async function activateInTransaction(activation: Activating): Promise<Row | null> {
  const { licenseKey, name, instanceId, summary, holder, now } = activation;
  return direct.transaction(async (tx) => {
    const [key] = await tx.rows(takeSeat(licenseKey, now));
    if (!key) return null;
    const businessId = String(key.businessId);
    await tx.run(Prisma.sql`INSERT INTO "LicenseKeyInstance"
        ("id", "businessId", "licenseKeyId", "name", "createdAt")
      VALUES (${instanceId}, ${businessId}, ${key.id}, ${name}, ${now})`);
    await tx.run(
      auditStatement(
        holderActor(holder, businessId),
        {
          action: 'license_key_instance.activated',
          objectType: 'license_key',
          objectId: String(key.id),
          summary,
        },
        now,
      ),
    );
    // The row as this transaction's own increment left it, which holds it: one seat more.
    const after = {
      productId: String(key.productId),
      expiresAt: instant(key.expiresAt),
      disabled: false,
      activationsLimit: key.activationsLimit === null ? null : whole(key.activationsLimit),
      instancesCount: whole(key.instancesCount),
    };
    const before = { ...after, instancesCount: after.instancesCount - 1 };
    for (const statement of tallyStatements(businessId, before, after)) await tx.run(statement);
    await tx.run(activityStatement(businessId, now, { activations: 1 }));
    const instance = {
      id: instanceId,
      businessId,
      licenseKeyId: String(key.id),
      name,
      createdAt: now,
    };
    const webhookEvents = await tx.run(
      webhookEventStatement(businessId, {
        type: 'license_key_instance.created',
        at: now,
        data: instanceData(instance),
      }),
    );
    return { ...key, webhookEvents };
  });
}

/** license_key_instance.created; the business and the key's id are filled in by the statement. */
function createdEvent({ instanceId, name, now }: Activating): WebhookEventInput {
  const instance = { id: instanceId, businessId: '', licenseKeyId: '', name, createdAt: now };
  return { type: 'license_key_instance.created', at: now, data: instanceData(instance) };
}

/** The same as one PostgreSQL statement: every write reads the key from the UPDATE's rows. */
async function activateOnPostgres(activation: Activating): Promise<Row | null> {
  const { licenseKey, name, instanceId, summary, holder, now } = activation;
  const at = Prisma.sql`CAST(${now} AS timestamp(3))`;
  const [key] = await direct.rows(Prisma.sql`
    WITH "k" AS (${takeSeat(licenseKey, now)}),
    "i" AS (INSERT INTO "LicenseKeyInstance" ("id", "businessId", "licenseKeyId", "name", "createdAt")
      SELECT CAST(${instanceId} AS text), "k"."businessId", "k"."id", CAST(${name} AS text), ${at}
      FROM "k"),
    "a" AS (INSERT INTO "AuditEvent" ("id", "businessId", "actorType", "actorId", "actorName",
        "actorRole", "action", "objectType", "objectId", "summary", "requestId", "createdAt")
      SELECT CAST(${newTimeOrderedId('evt')} AS text), "k"."businessId", 'license_holder',
        CAST(${holder.address} AS text), 'License holder', NULL, 'license_key_instance.activated',
        'license_key', "k"."id", CAST(${summary} AS text), CAST(${holder.requestId} AS text), ${at}
      FROM "k"),
    "t" AS (${activationTallyFrom('k')}),
    "r" AS (${activityFrom('k', now, { activations: 1 })}),
    "e" AS (${webhookEventFrom('k', createdEvent(activation), { business_id: 'businessId', license_key_id: 'id' })})
    SELECT "k".*, (SELECT COUNT(*) FROM "e") AS "webhookEvents" FROM "k"`);
  return key ?? null;
}
