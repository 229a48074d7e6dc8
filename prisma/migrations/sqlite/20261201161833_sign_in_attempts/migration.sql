-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SignInThrottle" (
    "emailLower" TEXT NOT NULL PRIMARY KEY,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "windowStartedAt" DATETIME NOT NULL,
    "lockedUntil" DATETIME
);
INSERT INTO "new_SignInThrottle" ("emailLower", "lockedUntil", "windowStartedAt") SELECT "emailLower", "lockedUntil", "windowStartedAt" FROM "SignInThrottle";
DROP TABLE "SignInThrottle";
ALTER TABLE "new_SignInThrottle" RENAME TO "SignInThrottle";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
