-- CreateTable
CREATE TABLE "WorkerHeartbeat" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "beatAt" DATETIME NOT NULL,
    "state" TEXT NOT NULL,
    "reason" TEXT
);

-- AlterTable
-- In place rather than Prisma's copy-and-drop: dropping "Operator" inside the migration's
-- transaction (where foreign_keys cannot be turned off) would cascade to every session.
ALTER TABLE "Operator" DROP COLUMN "lockedUntil";
ALTER TABLE "Operator" ADD COLUMN "nextSignInAt" DATETIME;
