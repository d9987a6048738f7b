-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN "policy" TEXT;

-- AlterTable
ALTER TABLE "DeliveryAttempt" ADD COLUMN "requestHeaders" TEXT;
ALTER TABLE "DeliveryAttempt" ADD COLUMN "responseHeaders" TEXT;

-- CreateTable
CREATE TABLE "OperatorAction" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestHash" TEXT NOT NULL,
    "status" INTEGER,
    "body" TEXT,
    "createdAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "OperatorAction_createdAt_idx" ON "OperatorAction"("createdAt");

-- CreateIndex
CREATE INDEX "InboundEvent_idempotencyKey_idx" ON "InboundEvent"("idempotencyKey");
