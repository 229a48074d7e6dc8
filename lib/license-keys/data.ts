import 'server-only';
import { recordAudit, type AuditEntry } from '@/lib/audit/record';
import { assertCan, type Actor } from '@/lib/auth/authorize';
import { db } from '@/lib/db';
import { formatInstant } from '@/lib/format';
import { lockKeyRow, tallyKeyChange } from '@/lib/overview/data-tally';
import { wakeWebhooks } from '@/lib/outbox/wake';
import { fail, ok, type Result } from '@/lib/result';
import { emitWebhookEvents } from '@/lib/webhooks/data-events';
import type { WebhookEventType } from '@/lib/webhooks/events';
import { licenseKeyData, type WebhookEventInput } from '@/lib/webhooks/payload';
import { licenseKeySelect, toLicenseKey, type LicenseKey } from './data-read';

export type UpdateLicenseKeyCode = 'LICENSE_KEY_NOT_FOUND' | 'LIMIT_BELOW_ACTIVATIONS';

export { createLicenseKey, type CreateLicenseKeyCode } from './data-create';

/** A change to a key: an absent field is kept; null clears the limit (unlimited) or the expiry (never). */
export type LicenseKeyPatch = {
  activationsLimit?: number | null;
  expiresAt?: string | null;
  disabled?: boolean;
};

/**
 * Changes a key of the actor's business: its activations limit, its expiry, whether it is disabled.
 * One conditional statement writes every change, so a limit below the activations already in use
 * is refused even while activations arrive (LIMIT_BELOW_ACTIVATIONS). Each kind of change records
 * its own audit event (license_key.disabled / enabled / limit_changed / expiry_changed), whichever
 * surface made it; a patch that changes nothing writes nothing.
 */
export async function updateLicenseKey(
  actor: Actor,
  id: string,
  patch: LicenseKeyPatch,
): Promise<Result<LicenseKey, UpdateLicenseKeyCode>> {
  assertCan(actor, 'keys:edit');
  const where = { id, businessId: actor.businessId };
  let events = 0;
  const result = await db.$transaction(
    async (tx): Promise<Result<LicenseKey, UpdateLicenseKeyCode>> => {
      // Held until the commit, so that the counts below start from the row as it really was.
      await lockKeyRow(tx, id);
      const before = await tx.licenseKey.findFirst({ where, select: licenseKeySelect });
      if (!before) return fail('LICENSE_KEY_NOT_FOUND');
      const expiresAt =
        patch.expiresAt === undefined || patch.expiresAt === null
          ? patch.expiresAt
          : new Date(patch.expiresAt);
      const entries = changeEntries(before, { ...patch, expiresAt });
      if (entries.length === 0) return ok(toLicenseKey(before));
      const limit = patch.activationsLimit;
      const { count } = await tx.licenseKey.updateMany({
        where: {
          ...where,
          ...(typeof limit === 'number' ? { instancesCount: { lte: limit } } : {}),
        },
        data: {
          ...(limit !== undefined ? { activationsLimit: limit } : {}),
          ...(expiresAt !== undefined ? { expiresAt } : {}),
          ...(patch.disabled !== undefined ? { disabled: patch.disabled } : {}),
        },
      });
      if (count === 0) {
        const now = await tx.licenseKey.findFirst({ where, select: { instancesCount: true } });
        if (!now) return fail('LICENSE_KEY_NOT_FOUND');
        return fail('LIMIT_BELOW_ACTIVATIONS', { instancesCount: now.instancesCount });
      }
      for (const entry of entries) await recordAudit(tx, actor, entry);
      const after = await tx.licenseKey.findFirstOrThrow({ where, select: licenseKeySelect });
      // Activations change only the seat count, and count themselves: take this change alone.
      const counted = { ...before, instancesCount: after.instancesCount };
      await tallyKeyChange(tx, actor.businessId, counted, after);
      const key = toLicenseKey(after);
      events = await emitWebhookEvents(tx, actor.businessId, keyChangeEvents(entries, key));
      return ok(key);
    },
  );
  if (events > 0) wakeWebhooks();
  return result;
}

/**
 * The webhook events of a change: license_key.disabled or .enabled for the switch, and
 * license_key.updated for a new limit or expiry; each carries the key as the change left it.
 */
export function keyChangeEvents(entries: AuditEntry[], key: LicenseKey): WebhookEventInput[] {
  const at = new Date();
  const data = licenseKeyData(key);
  return keyChangeTypes(entries).map((type) => ({ type, at, data }));
}

/** The webhook event types of a change's audit entries, each once. */
export function keyChangeTypes(entries: readonly AuditEntry[]): WebhookEventType[] {
  const types = new Set(
    entries.map(({ action }): WebhookEventType =>
      action === 'license_key.disabled' || action === 'license_key.enabled'
        ? action
        : 'license_key.updated',
    ),
  );
  return [...types];
}

const describeLimit = (limit: number | null) => (limit === null ? 'unlimited' : String(limit));
const describeExpiry = (at: Date | null) => (at ? formatInstant(at) : 'never');

/** One audit entry per kind of change the patch really makes to the key as it is. */
export function changeEntries(
  before: {
    activationsLimit: number | null;
    expiresAt: Date | null;
    disabled: boolean;
    id: string;
  },
  patch: { activationsLimit?: number | null; expiresAt?: Date | null; disabled?: boolean },
): AuditEntry[] {
  const entry = (action: string, summary: string): AuditEntry => ({
    action,
    objectType: 'license_key',
    objectId: before.id,
    summary,
  });
  const entries: AuditEntry[] = [];
  if (patch.disabled !== undefined && patch.disabled !== before.disabled) {
    entries.push(
      patch.disabled
        ? entry('license_key.disabled', 'Disabled the key')
        : entry('license_key.enabled', 'Enabled the key'),
    );
  }
  if (patch.activationsLimit !== undefined && patch.activationsLimit !== before.activationsLimit) {
    entries.push(
      entry(
        'license_key.limit_changed',
        `Changed the activations limit from ${describeLimit(before.activationsLimit)} to ${describeLimit(patch.activationsLimit)}`,
      ),
    );
  }
  if (
    patch.expiresAt !== undefined &&
    (patch.expiresAt?.getTime() ?? null) !== (before.expiresAt?.getTime() ?? null)
  ) {
    entries.push(
      entry(
        'license_key.expiry_changed',
        `Changed the expiry from ${describeExpiry(before.expiresAt)} to ${describeExpiry(patch.expiresAt)}`,
      ),
    );
  }
  return entries;
}
