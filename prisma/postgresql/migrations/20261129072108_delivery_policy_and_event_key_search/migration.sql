-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "policy" TEXT;

-- CreateIndex
CREATE INDEX "InboundEvent_idempotencyKey_idx" ON "InboundEvent"("idempotencyKey");
