import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { startInboundCleanup } from "@/lib/inbound/cleanup";
import { logger } from "@/lib/log";

const store = vi.hoisted(() => ({ deleteExpiredRecords: vi.fn<(db: unknown, now: Date) => Promise<number>>() }));
vi.mock("@/lib/inbound/idempotency-store", () => store);

/** The sweep only hands the database on; any object stands for it here. */
const db = { provider: "sqlite" } as unknown as Db;

describe("startInboundCleanup", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.parse("2030-01-01T00:00:00Z"));
    store.deleteExpiredRecords.mockReset();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  const cutoffs = () => store.deleteExpiredRecords.mock.calls.map(([, now]) => now.toISOString());

  it("deletes records expired by now at every interval until stopped", async () => {
    store.deleteExpiredRecords.mockResolvedValue(3);
    const info = vi.spyOn(logger, "info");
    const stop = startInboundCleanup(async () => db, 1_000);
    await vi.advanceTimersByTimeAsync(999);
    expect(cutoffs()).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(cutoffs()).toEqual(["2030-01-01T00:00:01.000Z"]);
    expect(store.deleteExpiredRecords.mock.calls[0][0]).toBe(db);
    expect(info).toHaveBeenCalledWith({ removed: 3 }, "expired inbound records removed");
    await vi.advanceTimersByTimeAsync(2_000);
    expect(cutoffs()).toHaveLength(3);
    stop();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(cutoffs()).toHaveLength(3);
  });

  it("logs a failing sweep instead of throwing, and tries again next time", async () => {
    store.deleteExpiredRecords.mockResolvedValue(0);
    const warn = vi.spyOn(logger, "warn");
    let fail = true;
    const stop = startInboundCleanup(async () => {
      if (fail) throw Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
      return db;
    }, 1_000);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][1]).toContain("inbound cleanup failed");
    expect(cutoffs()).toEqual([]);
    fail = false;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(cutoffs()).toHaveLength(1);
    stop();
  });

  it("does not start a sweep while the previous one is still running", async () => {
    let finish!: () => void;
    store.deleteExpiredRecords.mockImplementation(
      () =>
        new Promise<number>((resolve) => {
          finish = () => resolve(0);
        }),
    );
    const stop = startInboundCleanup(async () => db, 1_000);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(cutoffs()).toHaveLength(1);
    finish();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(cutoffs()).toHaveLength(2);
    stop();
  });
});
