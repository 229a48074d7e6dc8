import 'server-only';
import { assertCan, type Actor } from '@/lib/auth/authorize';
import { db } from '@/lib/db';
import { fail, ok, type Result } from '@/lib/result';
import { FRESH_PASS } from './data-jobs';
import { IMPORT_FIELDS } from './fields';
import { mappingOf, type ConfigureImportInput } from './schema';
import { wakeImports } from './wake';

export type ConfigureImportCode =
  'IMPORT_JOB_NOT_FOUND' | 'BUSY' | 'UNKNOWN_COLUMN' | 'PRODUCT_NOT_FOUND';

/**
 * Sets how the job's file is read (the mapping step) and starts its check: a dry run over every
 * row that writes nothing but the job's counts and problems. A job that was checked may be
 * mapped again and checked again; one being checked or imported, or done, may not.
 */
export async function configureImportJob(
  actor: Actor,
  input: ConfigureImportInput,
): Promise<Result<null, ConfigureImportCode>> {
  assertCan(actor, 'keys:bulk-import');
  const id = input.jobId;
  const result = await db.$transaction(async (tx): Promise<Result<null, ConfigureImportCode>> => {
    const job = await tx.importJob.findFirst({
      where: { id, businessId: actor.businessId },
      select: { state: true, headers: true },
    });
    if (!job) return fail('IMPORT_JOB_NOT_FOUND');
    const columns = (JSON.parse(job.headers) as string[]).length;
    const mapping = mappingOf(input);
    if (IMPORT_FIELDS.some((field) => (mapping[field] ?? 0) >= columns)) {
      return fail('UNKNOWN_COLUMN');
    }
    if (input.defaultProductId) {
      const product = await tx.product.findFirst({
        where: { id: input.defaultProductId, businessId: actor.businessId, archivedAt: null },
        select: { id: true },
      });
      if (!product) return fail('PRODUCT_NOT_FOUND');
    }
    const { count } = await tx.importJob.updateMany({
      where: { id, state: { in: ['uploaded', 'checked'] } },
      data: {
        mapping: JSON.stringify(mapping),
        defaultProductId: input.defaultProductId,
        timeZone: input.timeZone,
        updateExisting: input.updateExisting,
        state: 'checking',
        preview: '[]',
        ...FRESH_PASS,
      },
    });
    if (count === 0) return fail('BUSY');
    await tx.importProblem.deleteMany({ where: { jobId: id } });
    return ok(null);
  });
  if (result.ok) wakeImports();
  return result;
}

/** The business's products, archived ones marked, for naming a default product (command line). */
export async function listImportProducts(
  actor: Actor,
): Promise<{ id: string; name: string; archived: boolean }[]> {
  assertCan(actor, 'keys:bulk-import');
  const products = await db.product.findMany({
    where: { businessId: actor.businessId },
    select: { id: true, name: true, archivedAt: true },
    orderBy: { name: 'asc' },
  });
  return products.map(({ id, name, archivedAt }) => ({ id, name, archived: archivedAt !== null }));
}
