-- AlterTable
ALTER TABLE "Business" ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'UTC';

-- CreateTable
CREATE TABLE "KeyTally" (
    "businessId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "expiryDay" INTEGER NOT NULL,
    "slot" INTEGER NOT NULL,
    "keys" INTEGER NOT NULL DEFAULT 0,
    "disabled" INTEGER NOT NULL DEFAULT 0,
    "unlimited" INTEGER NOT NULL DEFAULT 0,
    "usedUnlimited" INTEGER NOT NULL DEFAULT 0,
    "limitSum" BIGINT NOT NULL DEFAULT 0,
    "usedLimited" INTEGER NOT NULL DEFAULT 0,
    "atLimit" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "KeyTally_pkey" PRIMARY KEY ("businessId","productId","expiryDay","slot")
);

-- CreateTable
CREATE TABLE "ActivityRollup" (
    "businessId" TEXT NOT NULL,
    "quarter" INTEGER NOT NULL,
    "slot" INTEGER NOT NULL,
    "keysAuto" INTEGER NOT NULL DEFAULT 0,
    "keysImport" INTEGER NOT NULL DEFAULT 0,
    "keysManual" INTEGER NOT NULL DEFAULT 0,
    "activations" INTEGER NOT NULL DEFAULT 0,
    "deactivations" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ActivityRollup_pkey" PRIMARY KEY ("businessId","quarter","slot")
);

-- Keys with no free seat, newest first: the key list's "at limit" filter reads only those rows.
-- Prisma cannot describe a partial index (prisma/sql/license-key-at-limit.sql holds it too).
CREATE INDEX "LicenseKey_at_limit_idx" ON "LicenseKey" ("businessId", "createdAt", "id", "disabled", "expiresAt")
  WHERE "activationsLimit" IS NOT NULL AND "instancesCount" >= "activationsLimit";

-- The counts of what exists already, as lib/overview/data-recount.ts counts them.
INSERT INTO "KeyTally" ("businessId", "productId", "expiryDay", "slot", "keys", "disabled", "unlimited",
  "usedUnlimited", "limitSum", "usedLimited", "atLimit")
SELECT "businessId", "productId", "day", 0, count(*), count(*) FILTER (WHERE "disabled"),
  count(*) FILTER (WHERE NOT "disabled" AND "activationsLimit" IS NULL),
  coalesce(sum("instancesCount") FILTER (WHERE NOT "disabled" AND "activationsLimit" IS NULL), 0),
  coalesce(sum("activationsLimit") FILTER (WHERE NOT "disabled"), 0),
  coalesce(sum("instancesCount") FILTER (WHERE NOT "disabled" AND "activationsLimit" IS NOT NULL), 0),
  count(*) FILTER (WHERE NOT "disabled" AND "instancesCount" >= "activationsLimit")
FROM (SELECT *, CASE WHEN "expiresAt" IS NULL THEN 2147483647
    ELSE floor(extract(epoch FROM "expiresAt") / 86400)::int END AS "day" FROM "LicenseKey") k
GROUP BY "businessId", "productId", "day";

INSERT INTO "ActivityRollup" ("businessId", "quarter", "slot", "keysAuto", "keysImport", "keysManual",
  "activations", "deactivations")
SELECT "businessId", "quarter", 0, sum("auto"), sum("import"), sum("manual"), sum("on"), sum("off")
FROM (
  SELECT "businessId", floor(extract(epoch FROM "createdAt") / 900)::int AS "quarter",
    CASE WHEN "source" = 'auto' THEN 1 ELSE 0 END AS "auto",
    CASE WHEN "source" = 'import' THEN 1 ELSE 0 END AS "import",
    CASE WHEN "source" = 'manual' THEN 1 ELSE 0 END AS "manual", 0 AS "on", 0 AS "off"
  FROM "LicenseKey"
  UNION ALL
  SELECT "businessId", floor(extract(epoch FROM "createdAt") / 900)::int,
    0, 0, 0,
    CASE WHEN "action" = 'license_key_instance.activated' THEN 1 ELSE 0 END,
    CASE WHEN "action" = 'license_key_instance.deactivated' THEN 1 ELSE 0 END
  FROM "AuditEvent"
  WHERE "action" IN ('license_key_instance.activated', 'license_key_instance.deactivated')
) rows
GROUP BY "businessId", "quarter";
