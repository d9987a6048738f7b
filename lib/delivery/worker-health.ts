import type { LoopProgress } from "./worker";

export type WorkerState = "running" | "stalled";

export interface WorkerStatus {
  state: WorkerState;
  /** Why it is stalled; absent while running. */
  reason?: string;
}

export interface WorkerObservation {
  /** When the supervisor started (or last rebuilt) the worker; null when it could not build one. */
  startedAt: number | null;
  /** The claim loop's own account; null without a worker. */
  progress: LoopProgress | null;
  /** Why the last attempt to connect and start a worker failed, if it did. */
  buildError: string | null;
  /** When the supervisor began trying (the process start). */
  supervisingSince: number;
}

const seconds = (ms: number) => Math.round(ms / 1000);

/**
 * A worker is stalled when its claim loop has not gone round for `stallAfterMs`: each
 * pass claims or finds every slot busy, so a healthy loop goes round at least once per
 * poll interval plus one bounded database call. Pure: the clock is passed in.
 */
export function judgeWorker(o: WorkerObservation, now: number, stallAfterMs: number): WorkerStatus {
  if (!o.progress || o.startedAt === null) {
    const waited = now - o.supervisingSince;
    if (waited < stallAfterMs) return { state: "running" };
    return { state: "stalled", reason: `no worker for ${seconds(waited)} s: ${o.buildError ?? "still connecting to the database"}` };
  }
  const since = o.progress.lastLoopAt ?? o.startedAt;
  const quiet = now - since;
  if (quiet < stallAfterMs) return { state: "running" };
  const why = o.progress.lastError ? `claiming deliveries failed ${o.progress.consecutiveFailures} times in a row: ${o.progress.lastError}` : "the claim loop is not going round";
  return { state: "stalled", reason: `no progress for ${seconds(quiet)} s: ${why}` };
}

/** A heartbeat row as /api/health reads it. */
export interface HeartbeatRow {
  id: string;
  kind: string;
  host: string;
  pid: number;
  startedAt: Date;
  beatAt: Date;
  state: string;
  reason: string | null;
}

export interface WorkerReport {
  id: string;
  kind: string;
  host: string;
  pid: number;
  state: WorkerState;
  reason?: string;
  /** Null for this process's own worker before its first heartbeat was written. */
  lastBeatAt: string | null;
}

/**
 * What a heartbeat row says about its worker now: its own verdict while it keeps beating,
 * stalled once it has missed `staleAfterMs` of beats (the process hangs, died without
 * stopping, or cannot reach the database).
 */
export function reportFromHeartbeat(row: HeartbeatRow, now: number, staleAfterMs: number): WorkerReport {
  const base = { id: row.id, kind: row.kind, host: row.host, pid: row.pid, lastBeatAt: row.beatAt.toISOString() };
  const silence = now - row.beatAt.getTime();
  if (silence > staleAfterMs) return { ...base, state: "stalled", reason: `no heartbeat for ${seconds(silence)} s: the process is gone, hung or cut off from the database` };
  return row.state === "stalled" ? { ...base, state: "stalled", reason: row.reason ?? "stalled" } : { ...base, state: "running" };
}
