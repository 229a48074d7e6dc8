import 'server-only';
import { db, dbEngine } from '@/lib/db';
import { rebuildOverviewCounts } from './data-recount';

/**
 * Recounts a business's overview from its keys and its audit trail, in one transaction (for
 * `npm run keydesk -- overview recount`). Writers of the business wait until it commits.
 */
export async function recountBusinessOverview(businessId: string): Promise<void> {
  await db.$transaction((tx) => rebuildOverviewCounts(tx, dbEngine, businessId), {
    timeout: 10 * 60_000,
  });
}
