-- AlterTable
ALTER TABLE "SignInThrottle" DROP COLUMN "failures",
ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0;
