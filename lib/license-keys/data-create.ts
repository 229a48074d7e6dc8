import 'server-only';
import { auditStatement } from '@/lib/audit/record';
import { assertCan, type Actor } from '@/lib/auth/authorize';
import { dbEngine, direct } from '@/lib/db';
import { whole, type DirectTx, type Row } from '@/lib/database/direct';
import { Prisma } from '@/lib/generated/prisma/client';
import { newId } from '@/lib/ids';
import { maskLicenseKey } from '@/lib/log';
import { wakeWebhooks } from '@/lib/outbox/wake';
import { newKeyActivity } from '@/lib/overview/counts';
import { activityStatement, tallyStatements } from '@/lib/overview/data-tally';
import { isNotNullViolation, uniqueViolationFields } from '@/lib/prisma-errors';
import { fail, ok, type Result } from '@/lib/result';
import { webhookEventFrom, webhookEventStatement } from '@/lib/webhooks/data-events';
import { licenseKeyData } from '@/lib/webhooks/payload';
import type { LicenseKey } from './data-read';
import { generateLicenseKey } from './key-generator';
import type { CreateLicenseKeyInput } from './schema';
import { licenseKeyStatus } from './status';

export type CreateLicenseKeyCode =
  | 'CUSTOMER_NOT_FOUND'
  | 'PRODUCT_NOT_FOUND'
  | 'CUSTOMER_AND_PRODUCT_NOT_FOUND'
  | 'PRODUCT_ARCHIVED'
  | 'KEY_TAKEN';

/** A generated key clashing with an existing one is astronomically unlikely; try a few times anyway. */
const ATTEMPTS = 3;

/**
 * Issues (generate mode) or imports a key for a customer and a product of the actor's business.
 * The insert checks ownership itself: its customer and product are subqueries that find them only
 * in the business (and the product only when not archived), so a foreign id writes nothing (a NOT
 * NULL refusal) and only then is the reason read. The insert, its audit event and the overview's
 * two counts are one statement on PostgreSQL (data-modifying WITH) and one transaction of six
 * short statements on SQLite, on the direct path (lib/database/direct.ts). The answer is built from
 * what was written and returned, so nothing is read back.
 */
export async function createLicenseKey(
  actor: Actor,
  input: CreateLicenseKeyInput,
): Promise<Result<LicenseKey, CreateLicenseKeyCode>> {
  assertCan(actor, 'keys:issue');
  for (let attempt = 1; ; attempt++) {
    try {
      const created = await insertLicenseKey(actor, input);
      if (created) return ok(created);
      const refusal = await whyNotCreated(actor.businessId, input);
      // Refused, yet both found now: the product was unarchived meanwhile. Try again.
      if (refusal || attempt >= ATTEMPTS) return fail(refusal ?? 'PRODUCT_ARCHIVED');
    } catch (error) {
      if (uniqueViolationFields(error)?.includes('key')) {
        if (input.mode === 'generate' && attempt < ATTEMPTS) continue;
        return fail('KEY_TAKEN');
      }
      throw error;
    }
  }
}

async function insertLicenseKey(actor: Actor, input: CreateLicenseKeyInput) {
  const { businessId } = actor;
  const source = input.mode === 'import' ? 'import' : 'manual';
  const id = newId('lic');
  const createdAt = new Date();
  const expiresAt = input.expiresAt === null ? null : new Date(input.expiresAt);
  // A generated key is the product's prefix (read by the insert) and a random body.
  const body = input.mode === 'import' ? null : generateLicenseKey();
  const key =
    input.mode === 'import'
      ? Prisma.sql`${input.key}`
      : Prisma.sql`COALESCE((SELECT p."keyPrefix" || '-' FROM "Product" AS p
          WHERE p."id" = ${input.productId}), '') || ${body}`;
  const insert = Prisma.sql`INSERT INTO "LicenseKey" ("id", "businessId", "key", "customerId",
      "productId", "activationsLimit", "expiresAt", "disabled", "instancesCount", "source", "createdAt")
    VALUES (${id}, ${businessId}, ${key},
      (SELECT c."id" FROM "Customer" AS c
        WHERE c."id" = ${input.customerId} AND c."businessId" = ${businessId}),
      (SELECT p."id" FROM "Product" AS p
        WHERE p."id" = ${input.productId} AND p."businessId" = ${businessId}
          AND p."archivedAt" IS NULL),
      ${input.activationsLimit}, ${expiresAt}, false, 0, ${source}, ${createdAt})
    RETURNING "key", "businessId",
      (SELECT c."name" FROM "Customer" AS c WHERE c."id" = "LicenseKey"."customerId") AS "customerName",
      (SELECT c."email" FROM "Customer" AS c WHERE c."id" = "LicenseKey"."customerId") AS "customerEmail",
      (SELECT p."name" FROM "Product" AS p WHERE p."id" = "LicenseKey"."productId") AS "productName"`;
  // The key's string is in the audit event masked: its last characters are the random body's.
  const shownKey = input.mode === 'import' ? input.key : body!;
  const counts = [
    auditStatement(
      actor,
      {
        action: input.mode === 'import' ? 'license_key.imported' : 'license_key.issued',
        objectType: 'license_key',
        objectId: id,
        summary: `${input.mode === 'import' ? 'Imported' : 'Issued'} key ${maskLicenseKey(shownKey)}`,
      },
      createdAt,
    ),
    ...tallyStatements(businessId, null, {
      productId: input.productId,
      expiresAt,
      disabled: false,
      activationsLimit: input.activationsLimit,
      instancesCount: 0,
    }),
    activityStatement(businessId, createdAt, newKeyActivity(source)),
  ];
  // The key as it was written: the customer's and product's names come from the insert's RETURNING.
  const written = (row: Row): LicenseKey => ({
    id,
    businessId,
    key: String(row.key),
    status: licenseKeyStatus({ disabled: false, expiresAt }, createdAt),
    source,
    customerId: input.customerId,
    productId: input.productId,
    activationsLimit: input.activationsLimit,
    instancesCount: 0,
    expiresAt,
    createdAt,
    paymentId: null,
    subscriptionId: null,
    customer: {
      id: input.customerId,
      name: String(row.customerName),
      email: String(row.customerEmail),
    },
    product: { id: input.productId, name: String(row.productName) },
  });
  const event = (key: LicenseKey) => ({
    type: 'license_key.created' as const,
    at: createdAt,
    data: licenseKeyData(key),
  });
  let created: LicenseKey;
  let events = 0;
  try {
    if (dbEngine === 'postgresql') {
      // A generated key's string is known only to the statement: the event takes it from "w".
      const known = input.mode === 'import' ? input.key : '';
      const blank = written({ key: known, customerName: '', customerEmail: '', productName: '' });
      const fill: Record<string, string> = input.mode === 'import' ? {} : { key: 'key' };
      const [row] = await direct.rows(
        withAll(insert, counts, webhookEventFrom('w', event(blank), fill)),
      );
      if (!row) return null;
      created = written(row);
      events = whole(row.webhookEvents);
    } else {
      created = await direct.transaction(async (tx: DirectTx) => {
        const [inserted] = await tx.rows(insert);
        for (const statement of counts) await tx.run(statement);
        const key = written(inserted);
        events = await tx.run(webhookEventStatement(businessId, event(key)));
        return key;
      });
    }
  } catch (error) {
    // The customer or the product is not the business's (or the product is archived).
    if (isNotNullViolation(error)) return null;
    throw error;
  }
  if (events > 0) wakeWebhooks();
  return created;
}

/**
 * `first`, then `rest` and the webhook event `event` as one PostgreSQL statement (a data-modifying
 * WITH), answering first's rows and how many events were written.
 */
function withAll(first: Prisma.Sql, rest: Prisma.Sql[], event: Prisma.Sql): Prisma.Sql {
  const parts = rest.map((statement, i) => Prisma.sql`${Prisma.raw(`"w${i}"`)} AS (${statement})`);
  return Prisma.sql`WITH "w" AS (${first}), ${Prisma.join(parts, ', ')}, "e" AS (${event})
    SELECT "w".*, (SELECT COUNT(*) FROM "e") AS "webhookEvents" FROM "w"`;
}

/** Why a key was not created: the customer, the product or both are not the business's, or archived. */
async function whyNotCreated(
  businessId: string,
  input: CreateLicenseKeyInput,
): Promise<CreateLicenseKeyCode | null> {
  const [found] = await direct.rows(Prisma.sql`
    SELECT c."id" AS "customerId", p."id" AS "productId", p."archivedAt"
    FROM (SELECT 1 AS "one") AS x
    LEFT JOIN "Customer" AS c ON c."id" = ${input.customerId} AND c."businessId" = ${businessId}
    LEFT JOIN "Product" AS p ON p."id" = ${input.productId} AND p."businessId" = ${businessId}`);
  if (found.customerId === null && found.productId === null) {
    return 'CUSTOMER_AND_PRODUCT_NOT_FOUND';
  }
  if (found.customerId === null) return 'CUSTOMER_NOT_FOUND';
  if (found.productId === null) return 'PRODUCT_NOT_FOUND';
  if (found.archivedAt !== null) return 'PRODUCT_ARCHIVED';
  return null;
}
