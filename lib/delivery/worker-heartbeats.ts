import type { Db } from "../db/client";
import { reportFromHeartbeat, type HeartbeatRow, type WorkerReport, type WorkerStatus } from "./worker-health";

/** How often each worker writes its row. */
export const HEARTBEAT_MS = 5_000;
/** A row this old means its worker stopped beating: three beats missed. */
export const STALE_AFTER_MS = 3 * HEARTBEAT_MS;
/** Rows of workers gone this long are no longer reported, and are removed when a worker starts. */
export const FORGET_AFTER_MS = 24 * 3600 * 1000;

export type Beat = Omit<HeartbeatRow, "state" | "reason"> & WorkerStatus;

export async function writeHeartbeat(db: Db, beat: Beat): Promise<void> {
  const row = { kind: beat.kind, host: beat.host, pid: beat.pid, startedAt: beat.startedAt, beatAt: beat.beatAt, state: beat.state, reason: beat.reason ?? null };
  await db.prisma.workerHeartbeat.upsert({ where: { id: beat.id }, create: { id: beat.id, ...row }, update: row });
}

/** A worker that stops cleanly takes its row with it, so it is not reported as stalled. */
export async function deleteHeartbeat(db: Db, id: string): Promise<void> {
  await db.prisma.workerHeartbeat.deleteMany({ where: { id } });
}

export async function forgetOldHeartbeats(db: Db, now: number): Promise<void> {
  await db.prisma.workerHeartbeat.deleteMany({ where: { beatAt: { lt: new Date(now - FORGET_AFTER_MS) } } });
}

/** Every worker that beat within the last day, by start time. */
export async function listWorkerReports(db: Db, now: number): Promise<WorkerReport[]> {
  const rows = await db.prisma.workerHeartbeat.findMany({ where: { beatAt: { gte: new Date(now - FORGET_AFTER_MS) } }, orderBy: [{ startedAt: "asc" }, { id: "asc" }] });
  return rows.map((row) => reportFromHeartbeat(row, now, STALE_AFTER_MS));
}
