import 'server-only';
import type { AuditEntry } from '@/lib/audit/record';
import { dbEngine } from '@/lib/db';
import { instant, type DirectTx } from '@/lib/database/direct';
import { jsonRecords, typedParam } from '@/lib/database/json-records';
import { Prisma } from '@/lib/generated/prisma/client';
import { newId } from '@/lib/ids';
import { changeEntries, keyChangeEvents, keyChangeTypes } from '@/lib/license-keys/data';
import type { LicenseKey } from '@/lib/license-keys/data-read';
import { licenseKeyStatus, type LicenseKeySource } from '@/lib/license-keys/status';
import { maskLicenseKey } from '@/lib/log';
import type { TalliedKey } from '@/lib/overview/counts';
import { licenseKeyData, type WebhookEventInput } from '@/lib/webhooks/payload';
import { findOrCreateCustomers, type BatchCustomer } from './data-batch-lookup';
import type { BatchJob } from './data-batch';
import type { ExistingKey } from './outcome';
import type { ImportRow } from './rows';

// The writes of a batch of the import pass (./data-batch.ts runs them in its transaction): what
// createLicenseKey and updateLicenseKey write for one key, for many keys in a few statements. The
// audit events, overview counts and webhook events are gathered in `Written` and written once.

/** What a key keeps of its id in the system it came from. */
const originalIdNote = (originalId: string) => `Original ID: ${originalId}`;

export type Written = {
  wanted: (type: WebhookEventInput['type']) => boolean;
  events: WebhookEventInput[];
  tallied: [TalliedKey | null, TalliedKey | null][];
  audit: AuditEntry[];
};

export async function insertKeys(
  tx: DirectTx,
  job: BatchJob,
  rows: ImportRow[],
  at: Date,
  written: Written,
): Promise<void> {
  if (rows.length === 0) return;
  const { customers, created } = await findOrCreateCustomers(tx, job.businessId, rows, at);
  for (const customer of created) {
    written.audit.push({
      action: 'customer.created',
      objectType: 'customer',
      objectId: customer.id,
      summary: `Created customer ${customer.name} <${customer.email}> (import of ${job.fileName})`,
    });
  }
  // Sorted by key, so that two imports adding the same keys take their locks in one order.
  const keys = [...rows]
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((row) => ({ row, customer: customers.get(row.customerEmailLower)!, id: newId('lic') }));
  const table = jsonRecords(
    dbEngine,
    keys.map(({ row, customer, id }) => ({
      id,
      key: row.key,
      customerId: customer.id,
      productId: row.productId,
      activationsLimit: row.activationsLimit,
      expiresAt: row.expiresAt,
      disabled: row.disabled,
      note: row.originalId === null ? null : originalIdNote(row.originalId),
    })),
    {
      id: 'text',
      key: 'text',
      customerId: 'text',
      productId: 'text',
      activationsLimit: 'integer',
      expiresAt: 'timestamp',
      disabled: 'boolean',
      note: 'text',
    },
  );
  await tx.run(Prisma.sql`INSERT INTO "LicenseKey" ("id", "businessId", "key", "customerId",
      "productId", "activationsLimit", "expiresAt", "disabled", "instancesCount", "source", "note",
      "createdAt")
    SELECT "r"."id", ${typedParam(dbEngine, job.businessId, 'text')}, "r"."key", "r"."customerId",
      "r"."productId", "r"."activationsLimit", "r"."expiresAt", "r"."disabled", 0, 'import',
      "r"."note", ${typedParam(dbEngine, at, 'timestamp')}
    FROM ${table} AS "r"`);
  const wantsCreated = written.wanted('license_key.created');
  for (const { row, customer, id } of keys) {
    written.tallied.push([null, { ...row, instancesCount: 0 }]);
    written.audit.push({
      action: 'license_key.imported',
      objectType: 'license_key',
      objectId: id,
      summary: `Imported key ${maskLicenseKey(row.key)} from ${job.fileName}, line ${row.line}`,
    });
    if (wantsCreated) {
      const key = licenseKeyOf(job, row, customer, id, at);
      written.events.push({ type: 'license_key.created', at, data: licenseKeyData(key) });
    }
  }
}

function licenseKeyOf(
  job: BatchJob,
  row: ImportRow,
  customer: BatchCustomer,
  id: string,
  createdAt: Date,
): LicenseKey {
  return {
    id,
    businessId: job.businessId,
    key: row.key,
    status: licenseKeyStatus(row, createdAt),
    source: 'import',
    customerId: customer.id,
    productId: row.productId,
    activationsLimit: row.activationsLimit,
    instancesCount: 0,
    expiresAt: row.expiresAt,
    createdAt,
    paymentId: null,
    subscriptionId: null,
    note: row.originalId === null ? null : originalIdNote(row.originalId),
    customer,
    product: { id: row.productId, name: job.productName(row.productId) },
  };
}

/** "Update existing keys": the file's limit, expiry and disabled, each kind of change recorded. */
export async function updateKey(
  tx: DirectTx,
  job: BatchJob,
  row: ImportRow,
  existing: ExistingKey & { key: string },
  written: Written,
): Promise<void> {
  const terms = {
    activationsLimit: row.activationsLimit,
    expiresAt: row.expiresAt,
    disabled: row.disabled,
  };
  await tx.run(Prisma.sql`UPDATE "LicenseKey" SET "activationsLimit" = ${terms.activationsLimit},
      "expiresAt" = ${terms.expiresAt}, "disabled" = ${terms.disabled}
    WHERE "id" = ${existing.id} AND "businessId" = ${job.businessId}`);
  const entries = changeEntries(existing, terms);
  written.audit.push(...entries);
  written.tallied.push([existing, { ...existing, ...terms }]);
  if (!keyChangeTypes(entries).some(written.wanted)) return;
  const [rest] = await tx.rows(Prisma.sql`SELECT k."createdAt", k."source", k."paymentId",
      k."subscriptionId", k."customerId", c."name" AS "customerName", c."email" AS "customerEmail"
    FROM "LicenseKey" AS k JOIN "Customer" AS c ON c."id" = k."customerId"
    WHERE k."id" = ${existing.id}`);
  const createdAt = instant(rest.createdAt)!;
  const key: LicenseKey = {
    id: existing.id,
    businessId: job.businessId,
    key: existing.key,
    status: licenseKeyStatus(terms, new Date()),
    source: String(rest.source) as LicenseKeySource,
    customerId: String(rest.customerId),
    productId: existing.productId,
    ...terms,
    instancesCount: existing.instancesCount,
    createdAt,
    paymentId: rest.paymentId === null ? null : String(rest.paymentId),
    subscriptionId: rest.subscriptionId === null ? null : String(rest.subscriptionId),
    customer: {
      id: String(rest.customerId),
      name: String(rest.customerName),
      email: String(rest.customerEmail),
    },
    product: { id: existing.productId, name: existing.productName },
  };
  written.events.push(...keyChangeEvents(entries, key).filter((e) => written.wanted(e.type)));
}
