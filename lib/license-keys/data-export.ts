import 'server-only';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, type Actor } from '@/lib/auth/authorize';
import { db } from '@/lib/db';
import { maskLicenseKey } from '@/lib/log';
import { csvChunks } from './csv';
import { LICENSE_KEY_MIN_LENGTH } from './schema';
import { streamLicenseKeys } from './data-list';
import type { LicenseKeyFilter, ListSort } from './list';

/** The view in the trail's words; a search that could be a whole key is masked, as keys are. */
function describeView(filter: LicenseKeyFilter, productName: string | null): string {
  const parts: string[] = [];
  if (filter.search) {
    const mayBeKey = !/[@\s]/.test(filter.search) && filter.search.length >= LICENSE_KEY_MIN_LENGTH;
    parts.push(`search “${mayBeKey ? maskLicenseKey(filter.search) : filter.search}”`);
  }
  if (filter.status) parts.push(`status ${filter.status}`);
  if (productName) parts.push(`product ${productName}`);
  if (filter.source) parts.push(`source ${filter.source}`);
  if (filter.expires) parts.push(`expires ${filter.expires.replaceAll('-', ' ')}`);
  if (filter.usage) parts.push(`activations ${filter.usage.replaceAll('-', ' ')}`);
  if (filter.customerId) parts.push(`customer ${filter.customerId}`);
  return parts.length > 0 ? parts.join(', ') : 'all keys';
}

/**
 * Every key of a view, whole, as CSV rows (without the header) in text chunks, for a download:
 * records the export in the activity trail (who, which view) before the first row is read, then
 * reads the keys one at a time (streamLicenseKeys) and writes each out as it comes (csvChunks).
 */
export async function exportLicenseKeys(
  actor: Actor,
  filter: LicenseKeyFilter,
  sort: ListSort,
): Promise<AsyncGenerator<string>> {
  assertCan(actor, 'keys:reveal');
  const product = filter.productId
    ? await db.product.findFirst({
        where: { id: filter.productId, businessId: actor.businessId },
        select: { name: true },
      })
    : null;
  await db.$transaction((tx) =>
    recordAudit(tx, actor, {
      action: 'license_key.exported',
      objectType: 'business',
      objectId: actor.businessId,
      summary: `Exported license keys as CSV: ${describeView(filter, product?.name ?? null)}`,
    }),
  );
  return csvChunks(streamLicenseKeys(actor, filter, sort));
}
