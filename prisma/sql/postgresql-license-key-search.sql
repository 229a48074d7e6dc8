-- License-key search index (PostgreSQL): a trigram index over every key lower-cased with its dashes
-- removed, so that a pasted fragment ("7xq2", "AB12-CD34" or "ab12cd34") finds the key in
-- milliseconds at a million keys (lib/license-keys/data-list-query.ts compares the same expression).
-- Prisma's schema cannot describe an expression index. Safe to repeat.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX IF NOT EXISTS "LicenseKey_keySearch_trgm_idx"
  ON "LicenseKey" USING gin ((lower(replace("key", '-', ''))) gin_trgm_ops);
