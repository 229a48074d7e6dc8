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
  const driver = driverError(error);
  if (driver) return driver.unique;
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
  return (
    driverError(error)?.foreignKey === true ||
    (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2003')
  );
}

type DriverFields = { code?: unknown; message?: unknown; constraint?: unknown; table?: unknown };

/**
 * The same errors as the drivers raise them, for the statements of lib/database/direct.ts:
 * better-sqlite3 (`SQLITE_CONSTRAINT_UNIQUE`, "UNIQUE constraint failed: LicenseKey.key") and pg
 * (SQLSTATE 23505 with the index name, 23503 for a foreign key). Null for anything else.
 */
function driverError(error: unknown): { unique: string[] | null; foreignKey: boolean } | null {
  if (!(error instanceof Error) || error instanceof Prisma.PrismaClientKnownRequestError)
    return null;
  const { code, message, constraint, table } = error as DriverFields;
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    const columns = /constraint failed: (.*)$/.exec(String(message))?.[1] ?? '';
    return {
      unique:
        code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
          ? []
          : columns.split(', ').map((c) => c.split('.').pop()!),
      foreignKey: false,
    };
  }
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503')
    return { unique: null, foreignKey: true };
  if (code === '23505' && typeof constraint === 'string' && typeof table === 'string') {
    return { unique: fieldsOfUniqueIndex(table, constraint), foreignKey: false };
  }
  return null;
}

/**
 * A NOT NULL refusal of the direct path's statements (better-sqlite3's SQLITE_CONSTRAINT_NOTNULL,
 * PostgreSQL's 23502): an insert whose ownership subquery found nothing.
 */
export function isNotNullViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_NOTNULL' || code === '23502';
}
