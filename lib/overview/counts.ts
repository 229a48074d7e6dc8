import type { LicenseKeySource } from '@/lib/license-keys/status';

// How one key counts in the overview's tallies (the KeyTally table): pure, so that the writers,
// the recount and the tests share one rule. No server imports.

const DAY_MS = 86_400_000;
const QUARTER_MS = 900_000;

/** The expiry day of a key that never expires (the largest 32-bit integer, past every real day). */
export const NEVER_EXPIRES_DAY = 2_147_483_647;

/** Days since 1970-01-01 (UTC) of an instant. */
export const dayOf = (at: Date) => Math.floor(at.getTime() / DAY_MS);
export const startOfDay = (day: number) => new Date(day * DAY_MS);

/** The tally row a key's expiry puts it in. */
export const expiryDayOf = (expiresAt: Date | null) =>
  expiresAt ? dayOf(expiresAt) : NEVER_EXPIRES_DAY;

/** Quarter hours since 1970-01-01 (UTC): the ActivityRollup row an instant counts in. */
export const quarterOf = (at: Date) => Math.floor(at.getTime() / QUARTER_MS);
/** The first quarter hour at or after an instant (a period starting at `at` begins there). */
export const quarterFrom = (at: Date) => Math.ceil(at.getTime() / QUARTER_MS);

/** The columns of a tally row. Everything but `keys` and `disabled` counts keys not disabled. */
export type TallyCounts = {
  keys: number;
  disabled: number;
  unlimited: number;
  usedUnlimited: number;
  limitSum: number;
  usedLimited: number;
  atLimit: number;
};

export const TALLY_COLUMNS = [
  'keys',
  'disabled',
  'unlimited',
  'usedUnlimited',
  'limitSum',
  'usedLimited',
  'atLimit',
] as const satisfies readonly (keyof TallyCounts)[];

export const zeroCounts = (): TallyCounts => ({
  keys: 0,
  disabled: 0,
  unlimited: 0,
  usedUnlimited: 0,
  limitSum: 0,
  usedLimited: 0,
  atLimit: 0,
});

/** What the tallies need to know of a key. */
export type TalliedKey = {
  productId: string;
  expiresAt: Date | null;
  disabled: boolean;
  activationsLimit: number | null;
  instancesCount: number;
};

/** A key's contribution to its tally row. */
export function contribution(key: TalliedKey): TallyCounts {
  const counts = zeroCounts();
  counts.keys = 1;
  if (key.disabled) {
    counts.disabled = 1;
    return counts;
  }
  if (key.activationsLimit === null) {
    counts.unlimited = 1;
    counts.usedUnlimited = key.instancesCount;
  } else {
    counts.limitSum = key.activationsLimit;
    counts.usedLimited = key.instancesCount;
    counts.atLimit = key.instancesCount >= key.activationsLimit ? 1 : 0;
  }
  return counts;
}

export type TallyDelta = { productId: string; expiryDay: number; counts: TallyCounts };

/**
 * What a change to a key does to the tallies: its old contribution taken out, its new one put in
 * (`null` before: a new key; `null` after: a key removed). Rows whose change is nothing are left out.
 */
export function tallyDeltas(before: TalliedKey | null, after: TalliedKey | null): TallyDelta[] {
  const deltas = new Map<string, TallyDelta>();
  const add = (key: TalliedKey, sign: 1 | -1) => {
    const expiryDay = expiryDayOf(key.expiresAt);
    const id = `${key.productId}\u0000${expiryDay}`;
    const delta = deltas.get(id) ?? { productId: key.productId, expiryDay, counts: zeroCounts() };
    const counts = contribution(key);
    for (const column of TALLY_COLUMNS) delta.counts[column] += sign * counts[column];
    deltas.set(id, delta);
  };
  if (before) add(before, -1);
  if (after) add(after, 1);
  // In one order for every writer, so that two changes moving keys between the same two rows in
  // opposite directions lock them in the same order and cannot deadlock (PostgreSQL).
  return [...deltas.values()]
    .filter((d) => TALLY_COLUMNS.some((c) => d.counts[c] !== 0))
    .sort((a, b) =>
      a.productId === b.productId ? a.expiryDay - b.expiryDay : a.productId < b.productId ? -1 : 1,
    );
}

/** The ActivityRollup columns: new keys by source, activations, deactivations. */
export type ActivityCounts = {
  keysAuto?: number;
  keysImport?: number;
  keysManual?: number;
  activations?: number;
  deactivations?: number;
};

export const newKeyActivity = (source: LicenseKeySource): ActivityCounts =>
  source === 'auto' ? { keysAuto: 1 } : source === 'import' ? { keysImport: 1 } : { keysManual: 1 };
