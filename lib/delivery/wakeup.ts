import { EventEmitter } from "node:events";
import { processSingleton } from "../process-singleton";

/**
 * New work in this process wakes the in-process worker at once instead of waiting for
 * its next poll. Other processes still find the work by polling.
 */
const bus = processSingleton("wakeup", () => {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(100);
  return emitter;
});

export function notifyNewDeliveries(): void {
  bus.emit("deliveries");
}

export function onNewDeliveries(listener: () => void): () => void {
  bus.on("deliveries", listener);
  return () => bus.off("deliveries", listener);
}
