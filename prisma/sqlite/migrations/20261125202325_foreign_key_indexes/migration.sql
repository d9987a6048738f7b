-- CreateIndex
CREATE INDEX "InboundEvent_messageId_idx" ON "InboundEvent"("messageId");

-- CreateIndex
CREATE INDEX "Delivery_replayOfId_idx" ON "Delivery"("replayOfId");

-- CreateIndex
CREATE INDEX "DeadLetter_deliveryId_idx" ON "DeadLetter"("deliveryId");

-- CreateIndex
CREATE INDEX "DeadLetter_inboundEventId_idx" ON "DeadLetter"("inboundEventId");
