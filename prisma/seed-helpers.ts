// Deterministic choices and date arithmetic for the demo seed (prisma/seed.ts).
import type { DurationInterval } from '@/lib/generated/prisma/client';

export const DAY_MS = 86_400_000;

/** A source of numbers in [0, 1), like Math.random but repeatable. */
export type Random = () => number;

/** mulberry32: a tiny 32-bit PRNG, plenty for picking demo data (never for secrets). */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

export function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** One of the keys of `weights`, each chosen in proportion to its weight. */
export function weighted<T extends string>(random: Random, weights: Record<T, number>): T {
  const entries = Object.entries(weights) as [T, number][];
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let threshold = random() * total;
  for (const [value, weight] of entries) {
    threshold -= weight;
    if (threshold < 0) return value;
  }
  return entries[entries.length - 1][0];
}

export function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

/** `date` plus a product's key duration, in UTC calendar units. */
export function addDuration(date: Date, duration: { count: number; interval: DurationInterval }) {
  const result = new Date(date);
  const { count, interval } = duration;
  if (interval === 'day') result.setUTCDate(result.getUTCDate() + count);
  if (interval === 'week') result.setUTCDate(result.getUTCDate() + 7 * count);
  if (interval === 'month') result.setUTCMonth(result.getUTCMonth() + count);
  if (interval === 'year') result.setUTCFullYear(result.getUTCFullYear() + count);
  return result;
}
