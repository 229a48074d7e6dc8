-- Keys with no free seat, newest first: the key list's "at limit" filter reads only those rows.
-- Prisma cannot describe a partial index. The same SQL on every engine.
CREATE INDEX "LicenseKey_at_limit_idx" ON "LicenseKey" ("businessId", "createdAt", "id", "disabled", "expiresAt")
  WHERE "activationsLimit" IS NOT NULL AND "instancesCount" >= "activationsLimit";
