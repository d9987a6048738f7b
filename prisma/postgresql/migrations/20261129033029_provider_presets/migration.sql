-- AlterTable
ALTER TABLE "InboundSource" ADD COLUMN     "signatureEncoding" TEXT;

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "sourceHeaders" TEXT;

-- CreateTable
CREATE TABLE "InboundRefusal" (
    "id" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "status" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "headers" TEXT NOT NULL DEFAULT '{}',
    "bodyExcerpt" TEXT NOT NULL,
    "bodyBytes" INTEGER NOT NULL,

    CONSTRAINT "InboundRefusal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InboundRefusalCount" (
    "sourceId" TEXT NOT NULL,
    "hour" TIMESTAMP(3) NOT NULL,
    "status" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "InboundRefusalCount_pkey" PRIMARY KEY ("sourceId","hour","status")
);

-- CreateIndex
CREATE INDEX "InboundRefusal_sourceId_receivedAt_idx" ON "InboundRefusal"("sourceId", "receivedAt");

-- CreateIndex
CREATE INDEX "InboundRefusalCount_hour_idx" ON "InboundRefusalCount"("hour");

-- AddForeignKey
ALTER TABLE "InboundRefusal" ADD CONSTRAINT "InboundRefusal_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "InboundSource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InboundRefusalCount" ADD CONSTRAINT "InboundRefusalCount_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "InboundSource"("id") ON DELETE CASCADE ON UPDATE CASCADE;
