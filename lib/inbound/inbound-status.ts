/** Where an accepted event's processing stands; the dashboard filters by these too, so nothing server-side lives here. */
export const INBOUND_STATUSES = ["processing", "processed", "failed", "skipped"] as const;
export type InboundStatus = (typeof INBOUND_STATUSES)[number];
