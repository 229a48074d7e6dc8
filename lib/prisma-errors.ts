import { Prisma } from '@/lib/generated/prisma/client';

/**
 * The fields of a unique-constraint violation (Prisma P2002), or null for any other error.
 * Prisma 7 with driver adapters reports them under `meta.driverAdapterError.cause`, older
 * paths under `meta.target`; both are read here so callers never look inside the error.
 */
export function uniqueViolationFields(error: unknown): string[] | null {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== 'P2002')
    return null;
  const meta = (error.meta ?? {}) as {
    target?: unknown;
    driverAdapterError?: { cause?: { constraint?: { fields?: unknown; index?: unknown } } };
  };
  const constraint = meta.driverAdapterError?.cause?.constraint;
  const fields = constraint?.fields ?? meta.target;
  if (Array.isArray(fields)) return fields.map((field) => String(field).replace(/^"|"$/g, ''));
  if (typeof fields === 'string') return [fields];
  if (typeof constraint?.index === 'string') return [constraint.index];
  return [];
}

/** A foreign-key violation (P2003): a referenced row vanished between the check and the write. */
export function isForeignKeyViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2003';
}
