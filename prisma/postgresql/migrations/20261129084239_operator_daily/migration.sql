-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "policy" TEXT;

-- AlterTable
ALTER TABLE "DeliveryAttempt" ADD COLUMN     "requestHeaders" TEXT,
ADD COLUMN     "responseHeaders" TEXT;

-- CreateTable
CREATE TABLE "OperatorAction" (
    "id" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "status" INTEGER,
    "body" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OperatorAction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OperatorAction_createdAt_idx" ON "OperatorAction"("createdAt");

-- CreateIndex
CREATE INDEX "InboundEvent_idempotencyKey_idx" ON "InboundEvent"("idempotencyKey");
