-- Keys with no free seat, newest first: the key list's "at limit" filter reads only those rows
-- (PostgreSQL). Every activation and deactivation updates the key's "instancesCount". PostgreSQL
-- updates a row in place (a HOT update: no new entry in any index) only when no column an index
-- names, in its columns or in its WHERE, has changed, and only when the row's page has room. An
-- index whose WHERE read "instancesCount" made every activation write a new entry in each of the
-- table's ten indexes, the key-search trigram index among them. So the index's WHERE reads a
-- generated column instead, which changes only when a key reaches or leaves its limit, and the
-- table's pages keep 15% free for the new versions of their rows.
-- Prisma cannot describe a generated column or a partial index: the client never reads or writes
-- "limitReached". A later migration that changes the type of "instancesCount" or
-- "activationsLimit" must drop the column first and run this file again. Safe to repeat.
ALTER TABLE "LicenseKey" SET (fillfactor = 85);

ALTER TABLE "LicenseKey" ADD COLUMN IF NOT EXISTS "limitReached" boolean
  GENERATED ALWAYS AS ("activationsLimit" IS NOT NULL AND "instancesCount" >= "activationsLimit") STORED;

CREATE INDEX IF NOT EXISTS "LicenseKey_at_limit_idx" ON "LicenseKey" ("businessId", "createdAt", "id", "disabled", "expiresAt")
  WHERE "limitReached";
