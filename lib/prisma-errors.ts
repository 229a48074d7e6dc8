import { Prisma } from '@/lib/generated/prisma/client';

type UniqueViolationMeta = {
  target?: unknown;
  modelName?: unknown;
  driverAdapterError?: {
    cause?: { table?: unknown; constraint?: { fields?: unknown; index?: unknown } };
  };
};

/**
 * The fields of a unique-constraint violation (Prisma P2002), or null for any other error, the same
 * on both engines. Prisma 7 with driver adapters reports them under `meta.driverAdapterError.cause`:
 * SQLite names the fields (`constraint.fields`), PostgreSQL only the index (`constraint.index`,
 * e.g. `Customer_businessId_emailLower_key`), whose fields are read from Prisma's naming of unique
 * indexes (`<Table>_<field>_<field>_key`). Older paths put them under `meta.target`. A primary key
 * (`<Table>_pkey` on PostgreSQL) names no fields there: [] then. Callers never look inside the error.
 */
export function uniqueViolationFields(error: unknown): string[] | null {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== 'P2002')
    return null;
  const meta = (error.meta ?? {}) as UniqueViolationMeta;
  const cause = meta.driverAdapterError?.cause;
  const fields = cause?.constraint?.fields ?? meta.target;
  if (Array.isArray(fields)) return fields.map((field) => String(field).replace(/^"|"$/g, ''));
  if (typeof fields === 'string') return [fields];
  const index = cause?.constraint?.index;
  if (typeof index === 'string') {
    const table = typeof cause?.table === 'string' ? cause.table : meta.modelName;
    return typeof table === 'string' ? fieldsOfUniqueIndex(table, index) : [index];
  }
  return [];
}

/**
 * The fields of a unique index that Prisma named: `LicenseKey_key_key` → ["key"],
 * `Membership_businessId_userId_key` → ["businessId", "userId"]. Field names in this schema are
 * camelCase, without underscores. Any other name is returned whole, as the one "field".
 */
export function fieldsOfUniqueIndex(table: string, index: string): string[] {
  const prefix = `${table}_`;
  if (index === `${table}_pkey`) return [];
  if (!index.startsWith(prefix) || !index.endsWith('_key')) return [index];
  const middle = index.slice(prefix.length, -'_key'.length);
  return middle ? middle.split('_') : [index];
}

/** A foreign-key violation (P2003): a referenced row vanished between the check and the write. */
export function isForeignKeyViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2003';
}
