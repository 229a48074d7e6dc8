-- Customer search (PostgreSQL): trigram indexes so that "kim" finds "Dana Kim" and "northwind" her
-- email in milliseconds at a million customers, plus byte-wise ("C") collation on the lower-cased
-- search columns so that ordering and the prefix ranges of lib/customers/data.ts behave exactly as on
-- SQLite, whatever the server's default collation. Prisma's schema cannot describe these, and they are
-- safe to repeat.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

ALTER TABLE "Customer" ALTER COLUMN "nameLower" TYPE TEXT COLLATE "C";
ALTER TABLE "Customer" ALTER COLUMN "emailLower" TYPE TEXT COLLATE "C";
ALTER TABLE "Product" ALTER COLUMN "nameLower" TYPE TEXT COLLATE "C";

CREATE INDEX IF NOT EXISTS "Customer_nameLower_trgm_idx" ON "Customer" USING gin ("nameLower" gin_trgm_ops);
CREATE INDEX IF NOT EXISTS "Customer_emailLower_trgm_idx" ON "Customer" USING gin ("emailLower" gin_trgm_ops);
