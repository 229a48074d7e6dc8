import 'server-only';
import { db } from '@/lib/db';

/**
 * Businesses whose id or name is exactly `wanted`: how the operator's command line names one.
 * Not scoped by a member: only whoever runs the server on its machine can call it.
 */
export function findBusinessesByIdOrName(wanted: string): Promise<{ id: string; name: string }[]> {
  return db.business.findMany({
    where: { OR: [{ id: wanted }, { name: wanted }] },
    select: { id: true, name: true },
  });
}
