-- Keys with no free seat, newest first: the key list's "at limit" filter reads only those rows
-- (SQLite; PostgreSQL's form is prisma/sql/postgresql-license-key-at-limit.sql, and says why it
-- differs). Prisma cannot describe a partial index.
CREATE INDEX IF NOT EXISTS "LicenseKey_at_limit_idx" ON "LicenseKey" ("businessId", "createdAt", "id", "disabled", "expiresAt")
  WHERE "activationsLimit" IS NOT NULL AND "instancesCount" >= "activationsLimit";
