import { describe, expect, it } from "vitest";
import { judgeWorker, reportFromHeartbeat } from "@/lib/delivery/worker-health";

const STALL = 10_000;
const T = 1_000_000;

describe("judging a worker", () => {
  it("is running while its claim loop goes round", () => {
    expect(judgeWorker({ startedAt: T, supervisingSince: T, buildError: null, progress: { lastLoopAt: T + 20_000, consecutiveFailures: 0, lastError: null } }, T + 29_999, STALL)).toEqual({ state: "running" });
  });

  it("is stalled, with the last database error, when the loop has not gone round for the stall time", () => {
    const status = judgeWorker({ startedAt: T, supervisingSince: T, buildError: null, progress: { lastLoopAt: T, consecutiveFailures: 3, lastError: "Query read timeout" } }, T + 12_400, STALL);
    expect(status).toEqual({ state: "stalled", reason: "no progress for 12 s: claiming deliveries failed 3 times in a row: Query read timeout" });
  });

  it("counts from the worker's start before its first pass, and says so when nothing failed", () => {
    expect(judgeWorker({ startedAt: T, supervisingSince: T, buildError: null, progress: { lastLoopAt: null, consecutiveFailures: 0, lastError: null } }, T + 11_000, STALL)).toEqual({
      state: "stalled",
      reason: "no progress for 11 s: the claim loop is not going round",
    });
  });

  it("is stalled when no worker could be built for the stall time", () => {
    expect(judgeWorker({ startedAt: null, supervisingSince: T, buildError: null, progress: null }, T + 5_000, STALL)).toEqual({ state: "running" });
    expect(judgeWorker({ startedAt: null, supervisingSince: T, buildError: "connect ECONNREFUSED", progress: null }, T + 10_000, STALL)).toEqual({
      state: "stalled",
      reason: "no worker for 10 s: connect ECONNREFUSED",
    });
  });
});

describe("reading a heartbeat", () => {
  const row = { id: "w1", kind: "standalone", host: "h", pid: 7, startedAt: new Date(T), beatAt: new Date(T + 5_000), state: "running", reason: null };

  it("takes the worker's own verdict while it beats", () => {
    expect(reportFromHeartbeat(row, T + 9_000, 15_000)).toMatchObject({ state: "running", lastBeatAt: new Date(T + 5_000).toISOString() });
    expect(reportFromHeartbeat({ ...row, state: "stalled", reason: "no progress" }, T + 9_000, 15_000)).toMatchObject({ state: "stalled", reason: "no progress" });
  });

  it("calls a worker that stopped beating stalled", () => {
    expect(reportFromHeartbeat(row, T + 21_000, 15_000)).toMatchObject({ state: "stalled", reason: "no heartbeat for 16 s: the process is gone, hung or cut off from the database" });
  });
});
