import 'server-only';
import { assertCan, type Actor } from '@/lib/auth/authorize';
import { db, dbEngine } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import {
  dayOf,
  quarterFrom,
  startOfDay,
  TALLY_COLUMNS,
  zeroCounts,
  type TallyCounts,
} from './counts';
import { periodsOf } from './periods';
import {
  EXPIRING_SOON_DAYS,
  type Overview,
  type OverviewFigures,
  type OverviewProduct,
  type OverviewRange,
} from './types';

// The overview, read from the counts the writers keep (data-tally.ts): a few thousand rows at most,
// however many keys the business has. The only keys read are those that expire today before `now`
// and on the last day of the "expiring soon" window before its end: the tallies count expiries by
// whole UTC days, and those two days are split at the instant.

const DAY_MS = 86_400_000;
const TOP_PRODUCTS = 5;

/** A sum as either engine returns it (number, bigint or numeric text). */
const n = (value: unknown) => Number(value ?? 0);

const sums = Prisma.raw(
  TALLY_COLUMNS.map((c) => `CAST(sum(t."${c}") AS BIGINT) AS "${c}"`).join(', '),
);

/** The tallies of the business by product and by where their expiry day falls around `now`. */
const EXPIRED = 0;
const TODAY = 1;
const SOON = 2;
const LAST_SOON_DAY = 3;

type TallyRow = TallyCounts & { productId: string; name: string; class: number };
type KeyCountRow = TallyCounts & { productId: string };

/** Non-disabled keys expiring in [from, to], counted as the tallies count them. */
function expiringBetween(businessId: string, from: Date, to: Date) {
  const indexed = Prisma.raw(
    dbEngine === 'sqlite' ? ' INDEXED BY "LicenseKey_list_expiry_idx"' : '',
  );
  const limited = Prisma.raw('k."activationsLimit" IS NOT NULL');
  return db.$queryRaw<KeyCountRow[]>`SELECT k."productId" AS "productId", count(*) AS "keys",
      0 AS "disabled",
      CAST(sum(CASE WHEN ${limited} THEN 0 ELSE 1 END) AS BIGINT) AS "unlimited",
      CAST(sum(CASE WHEN ${limited} THEN 0 ELSE k."instancesCount" END) AS BIGINT) AS "usedUnlimited",
      CAST(sum(CASE WHEN ${limited} THEN k."activationsLimit" ELSE 0 END) AS BIGINT) AS "limitSum",
      CAST(sum(CASE WHEN ${limited} THEN k."instancesCount" ELSE 0 END) AS BIGINT) AS "usedLimited",
      CAST(sum(CASE WHEN ${limited} AND k."instancesCount" >= k."activationsLimit" THEN 1 ELSE 0 END) AS BIGINT) AS "atLimit"
    FROM "LicenseKey" k${indexed}
    WHERE k."businessId" = ${businessId} AND k."expiresAt" >= ${from} AND k."expiresAt" <= ${to}
      AND k."disabled" = ${false}
    GROUP BY k."productId"`;
}

/** Per product: counts added up (sign 1) or taken out (sign -1). */
class ByProduct {
  readonly rows = new Map<string, TallyCounts>();
  add(productId: string, counts: TallyCounts, sign: 1 | -1 = 1) {
    const row = this.rows.get(productId) ?? zeroCounts();
    for (const c of TALLY_COLUMNS) row[c] += sign * n(counts[c]);
    this.rows.set(productId, row);
  }
  total(): TallyCounts {
    const sum = zeroCounts();
    for (const row of this.rows.values()) for (const c of TALLY_COLUMNS) sum[c] += row[c];
    return sum;
  }
}

/** The overview of the actor's business at `now`, its charts over `range`. */
export async function getOverview(
  actor: Actor,
  range: OverviewRange,
  now = new Date(),
): Promise<Overview> {
  assertCan(actor, 'keys:view');
  const { businessId } = actor;
  const { timeZone } = await db.business.findUniqueOrThrow({
    where: { id: businessId },
    select: { timeZone: true },
  });
  const today = dayOf(now);
  const soonUntil = new Date(now.getTime() + EXPIRING_SOON_DAYS * DAY_MS);
  const lastSoonDay = dayOf(soonUntil);
  const periods = periodsOf(range, now, timeZone);
  const bounds = [...periods.map((p) => quarterFrom(p.start)), quarterFrom(periods.at(-1)!.end)];
  const periodOf = Prisma.join(
    bounds.slice(1, -1).map((bound, i) => Prisma.sql`WHEN "quarter" < ${bound} THEN ${i}`),
    ' ',
  );

  const [tallies, expiredToday, soonOnLastDay, series, products, apiKeys] = await db.$transaction([
    db.$queryRaw<TallyRow[]>`SELECT t."productId" AS "productId", p."name" AS "name",
        CASE WHEN t."expiryDay" < ${today} THEN ${EXPIRED} WHEN t."expiryDay" = ${today} THEN ${TODAY}
          WHEN t."expiryDay" < ${lastSoonDay} THEN ${SOON}
          WHEN t."expiryDay" = ${lastSoonDay} THEN ${LAST_SOON_DAY} ELSE 4 END AS "class",
        ${sums}
      FROM "KeyTally" t JOIN "Product" p ON p."id" = t."productId"
      WHERE t."businessId" = ${businessId}
      GROUP BY t."productId", p."name", 3`,
    expiringBetween(businessId, startOfDay(today), now),
    expiringBetween(businessId, startOfDay(lastSoonDay), soonUntil),
    db.$queryRaw<
      {
        p: number | bigint;
        keysAuto: unknown;
        keysImport: unknown;
        keysManual: unknown;
        activations: unknown;
        deactivations: unknown;
      }[]
    >`SELECT CASE ${periodOf} ELSE ${periods.length - 1} END AS "p",
        CAST(sum("keysAuto") AS BIGINT) AS "keysAuto", CAST(sum("keysImport") AS BIGINT) AS "keysImport",
        CAST(sum("keysManual") AS BIGINT) AS "keysManual",
        CAST(sum("activations") AS BIGINT) AS "activations",
        CAST(sum("deactivations") AS BIGINT) AS "deactivations"
      FROM "ActivityRollup"
      WHERE "businessId" = ${businessId} AND "quarter" >= ${bounds[0]} AND "quarter" < ${bounds.at(-1)!}
      GROUP BY 1`,
    db.product.count({ where: { businessId } }),
    db.apiKey.count({ where: { businessId, revokedAt: null } }),
  ]);

  // Every key by product; the expired ones (whole past days, and today up to now); the keys
  // expiring within the window (the rest of today, the days between, the last day up to its end).
  const all = new ByProduct();
  const expired = new ByProduct();
  const soon = new ByProduct();
  const names = new Map<string, string>();
  for (const row of tallies) {
    names.set(row.productId, row.name);
    all.add(row.productId, row);
    // Disabled keys are neither expired nor expiring: only the rest of `keys` counts there.
    const enabled = { ...row, keys: n(row.keys) - n(row.disabled), disabled: 0 };
    if (n(row.class) === EXPIRED) expired.add(row.productId, enabled);
    if (n(row.class) === TODAY || n(row.class) === SOON) soon.add(row.productId, enabled);
  }
  for (const row of expiredToday) {
    expired.add(row.productId, row);
    soon.add(row.productId, row, -1);
  }
  for (const row of soonOnLastDay) soon.add(row.productId, row);

  const activeOf = (productId: string | null): TallyCounts => {
    const a = productId ? (all.rows.get(productId) ?? zeroCounts()) : all.total();
    const e = productId ? (expired.rows.get(productId) ?? zeroCounts()) : expired.total();
    const active = zeroCounts();
    for (const c of TALLY_COLUMNS) active[c] = a[c] - e[c];
    active.keys = a.keys - a.disabled - e.keys;
    active.disabled = 0;
    return active;
  };
  const total = all.total();
  const active = activeOf(null);
  const figures: OverviewFigures = {
    active: active.keys,
    expired: expired.total().keys,
    disabled: total.disabled,
    atLimit: active.atLimit,
    expiringSoon: soon.total().keys,
    activationsUsed: active.usedLimited,
    activationsLimit: active.limitSum,
    unlimitedKeys: active.unlimited,
    unlimitedActivations: active.usedUnlimited,
  };

  const topProducts: OverviewProduct[] = [...all.rows.keys()]
    .map((id) => {
      const counts = activeOf(id);
      return {
        id,
        name: names.get(id) ?? id,
        activeKeys: counts.keys,
        activationsUsed: counts.usedLimited,
        activationsLimit: counts.limitSum,
        unlimitedKeys: counts.unlimited,
      };
    })
    .filter((p) => p.activeKeys > 0)
    .sort((a, b) => b.activeKeys - a.activeKeys || a.name.localeCompare(b.name))
    .slice(0, TOP_PRODUCTS);

  const byPeriod = new Map(series.map((row) => [n(row.p), row]));
  return {
    timeZone,
    range,
    figures,
    series: periods.map(({ period }, i) => {
      const row = byPeriod.get(i);
      return {
        period,
        auto: n(row?.keysAuto),
        import: n(row?.keysImport),
        manual: n(row?.keysManual),
        activations: n(row?.activations),
        deactivations: n(row?.deactivations),
      };
    }),
    topProducts,
    totals: { keys: total.keys, products, apiKeys },
  };
}
