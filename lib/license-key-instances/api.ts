import 'server-only';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, type Actor } from '@/lib/auth/authorize';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { apiErrors } from '@/lib/http/api-error';
import type {
  ApiLicenseKeyInstance,
  ApiLicenseKeyInstanceList,
  ApiListLicenseKeyInstancesQuery,
  ApiUpdateLicenseKeyInstance,
} from './api-schema';

export const apiInstanceSelect = {
  id: true,
  businessId: true,
  licenseKeyId: true,
  name: true,
  createdAt: true,
} as const satisfies Prisma.LicenseKeyInstanceSelect;

type ApiInstanceRow = Prisma.LicenseKeyInstanceGetPayload<{ select: typeof apiInstanceSelect }>;

/** An instance (one activation of a key) as Dodo's API shows it. */
export function toApiLicenseKeyInstance(row: ApiInstanceRow): ApiLicenseKeyInstance {
  return {
    id: row.id,
    business_id: row.businessId,
    created_at: row.createdAt.toISOString(),
    license_key_id: row.licenseKeyId,
    name: row.name,
  };
}

const notFound = () =>
  apiErrors.notFound('LICENSE_KEY_INSTANCE_NOT_FOUND', 'License key instance not found.');

/** GET /license_key_instances: this business's instances, newest first, one page. */
export async function listLicenseKeyInstancesForApi(
  actor: Actor,
  query: ApiListLicenseKeyInstancesQuery,
): Promise<ApiLicenseKeyInstanceList> {
  assertCan(actor, 'keys:view');
  const rows = await db.licenseKeyInstance.findMany({
    where: {
      businessId: actor.businessId,
      ...(query.license_key_id ? { licenseKeyId: query.license_key_id } : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    skip: query.page_number * query.page_size,
    take: query.page_size,
    select: apiInstanceSelect,
  });
  return { items: rows.map(toApiLicenseKeyInstance) };
}

/** GET /license_key_instances/{id}: another business's instance is as missing as one that never was. */
export async function getLicenseKeyInstanceForApi(
  actor: Actor,
  id: string,
): Promise<ApiLicenseKeyInstance> {
  assertCan(actor, 'keys:view');
  const row = await db.licenseKeyInstance.findFirst({
    where: { id, businessId: actor.businessId },
    select: apiInstanceSelect,
  });
  if (!row) throw notFound();
  return toApiLicenseKeyInstance(row);
}

/** PATCH /license_key_instances/{id}: renames the instance, audited in the same transaction. */
export async function renameLicenseKeyInstanceForApi(
  actor: Actor,
  id: string,
  input: ApiUpdateLicenseKeyInstance,
): Promise<ApiLicenseKeyInstance> {
  assertCan(actor, 'keys:disable');
  return db.$transaction(async (tx) => {
    const before = await tx.licenseKeyInstance.findFirst({
      where: { id, businessId: actor.businessId },
      select: { name: true },
    });
    if (!before) throw notFound();
    const { count } = await tx.licenseKeyInstance.updateMany({
      where: { id, businessId: actor.businessId },
      data: { name: input.name },
    });
    // Deactivated between the read and the write (another engine than SQLite): gone, so 404.
    if (count === 0) throw notFound();
    await recordAudit(tx, actor, {
      action: 'license_key_instance.renamed',
      objectType: 'license_key_instance',
      objectId: id,
      summary: `Renamed instance "${before.name}" to "${input.name}"`,
    });
    const row = await tx.licenseKeyInstance.findUniqueOrThrow({
      where: { id },
      select: apiInstanceSelect,
    });
    return toApiLicenseKeyInstance(row);
  });
}
