-- CreateTable
CREATE TABLE "Business" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Customer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "businessId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "nameLower" TEXT NOT NULL,
    "emailLower" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Customer_businessId_fkey" FOREIGN KEY ("businessId") REFERENCES "Business" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Product" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "businessId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameLower" TEXT NOT NULL,
    "licenseKeyActivationsLimit" INTEGER,
    "licenseKeyDurationCount" INTEGER,
    "licenseKeyDurationInterval" TEXT,
    "keyPrefix" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Product_businessId_fkey" FOREIGN KEY ("businessId") REFERENCES "Business" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LicenseKey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "businessId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "activationsLimit" INTEGER,
    "expiresAt" DATETIME,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "instancesCount" INTEGER NOT NULL DEFAULT 0,
    "source" TEXT NOT NULL,
    "paymentId" TEXT,
    "subscriptionId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LicenseKey_businessId_fkey" FOREIGN KEY ("businessId") REFERENCES "Business" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "LicenseKey_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "LicenseKey_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LicenseKeyInstance" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "businessId" TEXT NOT NULL,
    "licenseKeyId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LicenseKeyInstance_businessId_fkey" FOREIGN KEY ("businessId") REFERENCES "Business" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "LicenseKeyInstance_licenseKeyId_fkey" FOREIGN KEY ("licenseKeyId") REFERENCES "LicenseKey" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Customer_businessId_nameLower_idx" ON "Customer"("businessId", "nameLower");

-- CreateIndex
CREATE UNIQUE INDEX "Customer_businessId_emailLower_key" ON "Customer"("businessId", "emailLower");

-- CreateIndex
CREATE INDEX "Product_businessId_nameLower_idx" ON "Product"("businessId", "nameLower");

-- CreateIndex
CREATE UNIQUE INDEX "LicenseKey_key_key" ON "LicenseKey"("key");

-- CreateIndex
CREATE INDEX "LicenseKey_businessId_createdAt_idx" ON "LicenseKey"("businessId", "createdAt");

-- CreateIndex
CREATE INDEX "LicenseKey_businessId_customerId_idx" ON "LicenseKey"("businessId", "customerId");

-- CreateIndex
CREATE INDEX "LicenseKey_businessId_productId_idx" ON "LicenseKey"("businessId", "productId");

-- CreateIndex
CREATE INDEX "LicenseKeyInstance_licenseKeyId_createdAt_idx" ON "LicenseKeyInstance"("licenseKeyId", "createdAt");

-- Customer search index (SQLite): an FTS5 trigram index over customer names and emails, so that
-- "kim" finds "Dana Kim" and "acme.io" finds her email in about a millisecond at a million customers.
-- Its rows share the Customer table's rowid and are kept in step by triggers. Prisma's schema does
-- not describe it; scripts/new-migration.ts appends this file again whenever a migration redefines
-- the Customer table (which drops the triggers), and the statements below are safe to repeat.
CREATE VIRTUAL TABLE IF NOT EXISTS "CustomerSearch" USING fts5(name, email, tokenize = 'trigram');

DROP TRIGGER IF EXISTS "Customer_search_insert";
DROP TRIGGER IF EXISTS "Customer_search_update";
DROP TRIGGER IF EXISTS "Customer_search_delete";

CREATE TRIGGER "Customer_search_insert" AFTER INSERT ON "Customer" BEGIN
  INSERT INTO "CustomerSearch" (rowid, name, email) VALUES (new.rowid, new."name", new."email");
END;

CREATE TRIGGER "Customer_search_update" AFTER UPDATE OF "name", "email" ON "Customer" BEGIN
  DELETE FROM "CustomerSearch" WHERE rowid = old.rowid;
  INSERT INTO "CustomerSearch" (rowid, name, email) VALUES (new.rowid, new."name", new."email");
END;

CREATE TRIGGER "Customer_search_delete" AFTER DELETE ON "Customer" BEGIN
  DELETE FROM "CustomerSearch" WHERE rowid = old.rowid;
END;

DELETE FROM "CustomerSearch";
INSERT INTO "CustomerSearch" (rowid, name, email) SELECT rowid, "name", "email" FROM "Customer";
