import type { Db } from "../db/client";

export const HEALTH_WINDOW_MS = 24 * 3600 * 1000;

export interface EndpointHealth {
  windowHours: number;
  /** Deliveries that finished in each state within the window. */
  succeeded: number;
  failed: number;
  dead: number;
  /** succeeded / (succeeded + failed + dead); null when nothing finished in the window. */
  successRate: number | null;
  lastFailure: { at: Date; deliveryId: string; statusCode: number | null; error: string | null } | null;
  disabledReason: string | null;
}

const FINISHED = ["succeeded", "failed", "dead"] as const;

/**
 * A failed attempt is read off the response itself (no 2xx, or an error) rather than the
 * stored outcome, so a retried-then-succeeded delivery still shows its earlier failure.
 */
const failedAttempt = { OR: [{ error: { not: null } }, { statusCode: { lt: 200 } }, { statusCode: { gte: 300 } }] };

export async function endpointHealth(db: Db, endpoint: { id: string; disabledReason: string | null }, now: Date = new Date()): Promise<EndpointHealth> {
  const since = new Date(now.getTime() - HEALTH_WINDOW_MS);
  const [groups, last] = await Promise.all([
    db.prisma.delivery.groupBy({
      by: ["status"],
      where: { endpointId: endpoint.id, status: { in: [...FINISHED] }, completedAt: { gte: since } },
      _count: { _all: true },
    }),
    db.prisma.deliveryAttempt.findFirst({
      where: { delivery: { endpointId: endpoint.id }, ...failedAttempt },
      orderBy: [{ startedAt: "desc" }, { id: "desc" }],
      select: { startedAt: true, deliveryId: true, statusCode: true, error: true },
    }),
  ]);
  const count = (status: (typeof FINISHED)[number]) => groups.find((g) => g.status === status)?._count._all ?? 0;
  const succeeded = count("succeeded");
  const failed = count("failed");
  const dead = count("dead");
  const finished = succeeded + failed + dead;
  return {
    windowHours: HEALTH_WINDOW_MS / 3600_000,
    succeeded,
    failed,
    dead,
    successRate: finished === 0 ? null : succeeded / finished,
    lastFailure: last ? { at: last.startedAt, deliveryId: last.deliveryId, statusCode: last.statusCode, error: last.error } : null,
    disabledReason: endpoint.disabledReason,
  };
}
