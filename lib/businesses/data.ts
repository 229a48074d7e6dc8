import 'server-only';
import { db } from '@/lib/db';

/** The business's display name, or null if it does not exist. */
export async function getBusinessName(businessId: string): Promise<string | null> {
  const business = await db.business.findUnique({
    where: { id: businessId },
    select: { name: true },
  });
  return business?.name ?? null;
}
