-- DropIndex
DROP INDEX "LicenseKey_businessId_createdAt_idx";

-- DropIndex
DROP INDEX "LicenseKey_businessId_customerId_idx";

-- DropIndex
DROP INDEX "LicenseKey_businessId_productId_idx";

-- CreateIndex
CREATE INDEX "LicenseKey_list_newest_idx" ON "LicenseKey"("businessId", "createdAt", "id", "disabled", "expiresAt");

-- CreateIndex
CREATE INDEX "LicenseKey_list_product_idx" ON "LicenseKey"("businessId", "productId", "createdAt", "id", "disabled", "expiresAt");

-- CreateIndex
CREATE INDEX "LicenseKey_list_customer_idx" ON "LicenseKey"("businessId", "customerId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "LicenseKey_list_source_idx" ON "LicenseKey"("businessId", "source", "createdAt", "id");

-- CreateIndex
CREATE INDEX "LicenseKey_list_disabled_idx" ON "LicenseKey"("businessId", "disabled", "createdAt", "id");

-- CreateIndex
CREATE INDEX "LicenseKey_list_expiry_idx" ON "LicenseKey"("businessId", "expiresAt", "id", "disabled");

-- License-key search index (PostgreSQL): a trigram index over every key lower-cased with its dashes
-- removed, so that a pasted fragment ("7xq2", "AB12-CD34" or "ab12cd34") finds the key in
-- milliseconds at a million keys (lib/license-keys/data-list-query.ts compares the same expression).
-- Prisma's schema cannot describe an expression index. Safe to repeat.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX IF NOT EXISTS "LicenseKey_keySearch_trgm_idx"
  ON "LicenseKey" USING gin ((lower(replace("key", '-', ''))) gin_trgm_ops);
