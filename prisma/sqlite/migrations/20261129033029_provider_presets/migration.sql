-- AlterTable
ALTER TABLE "InboundSource" ADD COLUMN "signatureEncoding" TEXT;

-- AlterTable
ALTER TABLE "Message" ADD COLUMN "sourceHeaders" TEXT;

-- CreateTable
CREATE TABLE "InboundRefusal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sourceId" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL,
    "status" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "headers" TEXT NOT NULL DEFAULT '{}',
    "bodyExcerpt" TEXT NOT NULL,
    "bodyBytes" INTEGER NOT NULL,
    CONSTRAINT "InboundRefusal_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "InboundSource" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InboundRefusalCount" (
    "sourceId" TEXT NOT NULL,
    "hour" DATETIME NOT NULL,
    "status" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("sourceId", "hour", "status"),
    CONSTRAINT "InboundRefusalCount_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "InboundSource" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "InboundRefusal_sourceId_receivedAt_idx" ON "InboundRefusal"("sourceId", "receivedAt");

-- CreateIndex
CREATE INDEX "InboundRefusalCount_hour_idx" ON "InboundRefusalCount"("hour");
