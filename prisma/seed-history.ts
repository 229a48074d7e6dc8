// The demo seed's history and overview counts, built in memory from its keys and instances: an
// activation event for each instance (as the public endpoint records it), a few machines activated
// and later released, and the overview's tallies and rollups counted with the writers' own rule
// (lib/overview/counts.ts), so that a demo business opens on a full overview and key pages that
// tell how their activations came to be.
import type { Prisma } from '@/lib/generated/prisma/client';
import { newId, newTimeOrderedId } from '@/lib/ids';
import {
  contribution,
  expiryDayOf,
  newKeyActivity,
  quarterOf,
  TALLY_COLUMNS,
  type ActivityCounts,
  type TallyCounts,
} from '@/lib/overview/counts';
import { shortInstanceName } from '@/lib/licenses/names';
import type { Random } from './seed-helpers';

type SeedKey = {
  id: string;
  businessId: string;
  productId: string;
  source: 'auto' | 'import' | 'manual';
  activationsLimit: number | null;
  expiresAt: Date | null;
  disabled?: boolean;
  instancesCount?: number;
  createdAt: Date;
};
type SeedInstance = { id?: string; licenseKeyId: string; name: string; createdAt?: Date | string };

/** One in this many keys also had a machine that was activated and later deactivated. */
const RELEASED_ONE_IN = 5;

export function buildHistory(
  keys: SeedKey[],
  instances: SeedInstance[],
  random: Random,
  now: Date,
) {
  const businessId = keys[0]?.businessId ?? '';
  const auditEvents: Prisma.AuditEventCreateManyInput[] = [];
  const activity = new Map<number, Required<ActivityCounts>>();
  const count = (at: Date, counts: ActivityCounts) => {
    const quarter = quarterOf(at);
    const row = activity.get(quarter) ?? {
      keysAuto: 0,
      keysImport: 0,
      keysManual: 0,
      activations: 0,
      deactivations: 0,
    };
    for (const [column, value] of Object.entries(counts)) {
      row[column as keyof ActivityCounts] += value ?? 0;
    }
    activity.set(quarter, row);
  };
  const address = () => `203.0.113.${1 + Math.floor(random() * 254)}`;
  const event = (
    keyId: string,
    verb: 'activated' | 'deactivated',
    name: string,
    id: string,
    at: Date,
  ) => {
    const from = address();
    auditEvents.push({
      id: newTimeOrderedId('evt'),
      businessId,
      actorType: 'license_holder',
      actorId: from,
      actorName: 'License holder',
      actorRole: null,
      action: `license_key_instance.${verb}`,
      objectType: 'license_key',
      objectId: keyId,
      summary: `${verb === 'activated' ? 'Activated' : 'Deactivated'} instance “${shortInstanceName(name)}” (${id}) from ${from}`,
      requestId: `req_seed_${newId('evt').slice(4, 16)}`,
      createdAt: at,
    });
    count(at, verb === 'activated' ? { activations: 1 } : { deactivations: 1 });
  };

  const keysById = new Map(keys.map((key) => [key.id, key]));
  for (const instance of instances) {
    const at = new Date(instance.createdAt ?? now);
    event(instance.licenseKeyId, 'activated', instance.name, instance.id ?? newId('lki'), at);
  }
  for (const key of keys) {
    count(key.createdAt, newKeyActivity(key.source));
    if (random() * RELEASED_ONE_IN >= 1) continue;
    const until = Math.min(now.getTime(), key.expiresAt?.getTime() ?? Infinity);
    const on = key.createdAt.getTime() + random() * (until - key.createdAt.getTime()) * 0.5;
    const off = on + random() * (until - on);
    const id = newId('lki');
    event(key.id, 'activated', 'Old laptop', id, new Date(on));
    event(key.id, 'deactivated', 'Old laptop', id, new Date(off));
  }

  const tallies = new Map<string, Prisma.KeyTallyCreateManyInput & TallyCounts>();
  for (const key of keysById.values()) {
    const expiryDay = expiryDayOf(key.expiresAt);
    const id = `${key.productId}\u0000${expiryDay}`;
    const row =
      tallies.get(id) ??
      ({
        businessId,
        productId: key.productId,
        expiryDay,
        slot: 0,
        ...Object.fromEntries(TALLY_COLUMNS.map((c) => [c, 0])),
      } as Prisma.KeyTallyCreateManyInput & TallyCounts);
    const counts = contribution({
      productId: key.productId,
      expiresAt: key.expiresAt,
      disabled: key.disabled ?? false,
      activationsLimit: key.activationsLimit,
      instancesCount: key.instancesCount ?? 0,
    });
    for (const c of TALLY_COLUMNS) row[c] += counts[c];
    tallies.set(id, row);
  }
  const activityRollups: Prisma.ActivityRollupCreateManyInput[] = [...activity].map(
    ([quarter, counts]) => ({ businessId, quarter, slot: 0, ...counts }),
  );
  return { auditEvents, keyTallies: [...tallies.values()], activityRollups };
}
