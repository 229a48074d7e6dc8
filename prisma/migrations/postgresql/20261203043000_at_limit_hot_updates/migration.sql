-- The "at limit" index no longer names "instancesCount", so that an activation updates its key in
-- place (see prisma/sql/postgresql-license-key-at-limit.sql). Adding the stored column rewrites the
-- table, with the new fill factor.
DROP INDEX "LicenseKey_at_limit_idx";

ALTER TABLE "LicenseKey" SET (fillfactor = 85);

ALTER TABLE "LicenseKey" ADD COLUMN IF NOT EXISTS "limitReached" boolean
  GENERATED ALWAYS AS ("activationsLimit" IS NOT NULL AND "instancesCount" >= "activationsLimit") STORED;

CREATE INDEX IF NOT EXISTS "LicenseKey_at_limit_idx" ON "LicenseKey" ("businessId", "createdAt", "id", "disabled", "expiresAt")
  WHERE "limitReached";
