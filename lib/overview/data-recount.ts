import type { Engine } from '@/lib/database/url';
import { Prisma } from '@/lib/generated/prisma/client';
import { NEVER_EXPIRES_DAY } from './counts';

// The overview's counts rebuilt from scratch: from the keys (KeyTally, and new keys in
// ActivityRollup) and from the audit trail (activations and deactivations). For data written
// around the data layer (the demo seed, the benchmarks' bulk loads) and for repair
// (`npm run keydesk -- overview recount`). The migration that made the tables ran the same SQL.
// No `server-only`: scripts outside Next call it with their own client.

type Client = Pick<Prisma.TransactionClient, '$executeRaw'>;

/** Epoch seconds of a timestamp column, per engine. */
const epoch = (engine: Engine, column: string) =>
  Prisma.raw(
    engine === 'postgresql'
      ? `extract(epoch FROM "${column}")`
      : `CAST(strftime('%s', "${column}") AS INTEGER)`,
  );

/** floor(seconds / size) for a column, also below zero. */
const bucket = (engine: Engine, column: string, size: number) =>
  engine === 'postgresql'
    ? Prisma.sql`floor(${epoch(engine, column)} / ${Prisma.raw(String(size))})::int`
    : Prisma.sql`((${epoch(engine, column)} - ((${epoch(engine, column)} % ${Prisma.raw(String(size))} + ${Prisma.raw(String(size))}) % ${Prisma.raw(String(size))})) / ${Prisma.raw(String(size))})`;

const enabled = (engine: Engine) =>
  Prisma.raw(engine === 'postgresql' ? 'NOT "disabled"' : '"disabled" = 0');

/** Replaces a business's overview counts with a recount of its keys and its audit trail. */
export async function rebuildOverviewCounts(
  client: Client,
  engine: Engine,
  businessId: string,
): Promise<void> {
  const on = enabled(engine);
  const flag = (condition: Prisma.Sql) => Prisma.sql`sum(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;
  const total = (condition: Prisma.Sql, column: string) =>
    Prisma.sql`sum(CASE WHEN ${condition} THEN ${Prisma.raw(`"${column}"`)} ELSE 0 END)`;
  const unlimited = Prisma.sql`${on} AND "activationsLimit" IS NULL`;
  const limited = Prisma.sql`${on} AND "activationsLimit" IS NOT NULL`;
  await client.$executeRaw`DELETE FROM "KeyTally" WHERE "businessId" = ${businessId}`;
  await client.$executeRaw`DELETE FROM "ActivityRollup" WHERE "businessId" = ${businessId}`;
  await client.$executeRaw`INSERT INTO "KeyTally" ("businessId", "productId", "expiryDay", "slot",
      "keys", "disabled", "unlimited", "usedUnlimited", "limitSum", "usedLimited", "atLimit")
    SELECT "businessId", "productId", "day", 0, count(*), ${flag(Prisma.raw(engine === 'postgresql' ? '"disabled"' : '"disabled" = 1'))},
      ${flag(unlimited)}, ${total(unlimited, 'instancesCount')}, ${total(limited, 'activationsLimit')},
      ${total(limited, 'instancesCount')},
      ${flag(Prisma.sql`${limited} AND "instancesCount" >= "activationsLimit"`)}
    FROM (SELECT *, CASE WHEN "expiresAt" IS NULL THEN ${NEVER_EXPIRES_DAY}
        ELSE ${bucket(engine, 'expiresAt', 86_400)} END AS "day"
      FROM "LicenseKey" WHERE "businessId" = ${businessId}) k
    GROUP BY "businessId", "productId", "day"`;
  await client.$executeRaw`INSERT INTO "ActivityRollup" ("businessId", "quarter", "slot",
      "keysAuto", "keysImport", "keysManual", "activations", "deactivations")
    SELECT "businessId", "quarter", 0, sum("auto"), sum("import"), sum("manual"), sum("on"), sum("off")
    FROM (
      SELECT "businessId", ${bucket(engine, 'createdAt', 900)} AS "quarter",
        CASE WHEN "source" = 'auto' THEN 1 ELSE 0 END AS "auto",
        CASE WHEN "source" = 'import' THEN 1 ELSE 0 END AS "import",
        CASE WHEN "source" = 'manual' THEN 1 ELSE 0 END AS "manual", 0 AS "on", 0 AS "off"
      FROM "LicenseKey" WHERE "businessId" = ${businessId}
      UNION ALL
      SELECT "businessId", ${bucket(engine, 'createdAt', 900)}, 0, 0, 0,
        CASE WHEN "action" = 'license_key_instance.activated' THEN 1 ELSE 0 END,
        CASE WHEN "action" = 'license_key_instance.deactivated' THEN 1 ELSE 0 END
      FROM "AuditEvent"
      WHERE "businessId" = ${businessId}
        AND "action" IN ('license_key_instance.activated', 'license_key_instance.deactivated')
    ) rows
    GROUP BY "businessId", "quarter"`;
}
