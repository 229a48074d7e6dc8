-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Product" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "businessId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameLower" TEXT NOT NULL,
    "licenseKeyActivationsLimit" INTEGER,
    "licenseKeyDurationCount" INTEGER,
    "licenseKeyDurationInterval" TEXT,
    "keyPrefix" TEXT,
    "description" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "archivedAt" DATETIME,
    CONSTRAINT "Product_businessId_fkey" FOREIGN KEY ("businessId") REFERENCES "Business" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Product" ("businessId", "createdAt", "id", "keyPrefix", "licenseKeyActivationsLimit", "licenseKeyDurationCount", "licenseKeyDurationInterval", "name", "nameLower") SELECT "businessId", "createdAt", "id", "keyPrefix", "licenseKeyActivationsLimit", "licenseKeyDurationCount", "licenseKeyDurationInterval", "name", "nameLower" FROM "Product";
DROP TABLE "Product";
ALTER TABLE "new_Product" RENAME TO "Product";
CREATE INDEX "Product_businessId_nameLower_idx" ON "Product"("businessId", "nameLower");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
