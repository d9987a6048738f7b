import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMessage } from "@/lib/delivery/create-message";
import { RESPONSE_EXCERPT_BYTES } from "@/lib/delivery/send";
import { testProviders, useTestDatabase } from "../../support/databases";
import { waitFor } from "../../support/receiver";
import { createEndpoint, createPolicy, startWorker } from "./support";

const TIMEOUT_MS = 1_000;
const HUGE_BYTES = 256 * 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, "x");

/**
 * Receivers that misbehave in the ways real ones do, one per path:
 * /hang never answers, /reset drops the connection, /slow answers long after the timeout,
 * /dribble sends headers at once and then a byte every 100 ms, /huge streams 256 MB with a 500.
 */
class HostileServer {
  private readonly server: http.Server;
  /** Bytes the /huge handler got into the socket before the client went away. */
  hugeBytesWritten: number[] = [];
  hits: Record<string, number> = {};

  constructor() {
    this.server = http.createServer((req, res) => {
      const path = new URL(req.url ?? "/", "http://x").pathname;
      this.hits[path] = (this.hits[path] ?? 0) + 1;
      if (path === "/reset") return void req.socket.destroy();
      req.resume();
      req.on("end", () => this.answer(path, res));
    });
  }

  private answer(path: string, res: http.ServerResponse): void {
    switch (path) {
      case "/hang":
        return;
      case "/slow": {
        const timer = setTimeout(() => res.destroyed || res.end("too late"), TIMEOUT_MS * 10);
        res.once("close", () => clearTimeout(timer));
        return;
      }
      case "/dribble": {
        res.writeHead(200, { "content-type": "text/plain" });
        const timer = setInterval(() => res.write("."), 100);
        const stop = setTimeout(() => res.end(), 10_000);
        res.once("close", () => {
          clearInterval(timer);
          clearTimeout(stop);
        });
        return;
      }
      case "/huge": {
        res.writeHead(500, { "content-type": "text/plain", "content-length": String(HUGE_BYTES) });
        let written = 0;
        const pump = () => {
          while (written < HUGE_BYTES && !res.destroyed) {
            written += CHUNK.length;
            if (!res.write(CHUNK)) return void res.once("drain", pump);
          }
          if (!res.destroyed) res.end();
        };
        res.once("close", () => this.hugeBytesWritten.push(written));
        pump();
        return;
      }
      default:
        res.writeHead(200).end("ok");
    }
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

describe.each(testProviders())("hostile receivers on %s", (provider) => {
  const t = useTestDatabase(provider);
  const hostile = new HostileServer();
  let base = "";

  beforeAll(async () => {
    base = await hostile.start();
  });
  afterAll(async () => {
    await hostile.stop();
  });

  it("a receiver that hangs, resets, answers past the timeout, dribbles or sends 256 MB: each attempt is a recorded failure, the worker unharmed", { timeout: 60_000 }, async () => {
    const policy = await createPolicy(t.db, { maxAttempts: 2, initialDelayMs: 50, timeoutMs: TIMEOUT_MS });
    const kinds = ["hang", "reset", "slow", "dribble", "huge"] as const;
    const deliveryOf: Record<string, string> = {};
    for (const kind of kinds) {
      const endpoint = await createEndpoint(t.db, `${base}/${kind}`, { policyId: policy.id });
      const m = await createMessage(t.db, { eventType: endpoint.eventType, payload: JSON.stringify({ kind }) });
      deliveryOf[kind] = m.deliveryIds[0];
    }
    const heapBefore = process.memoryUsage().heapUsed;
    const worker = startWorker(t.db, { concurrency: 8 });
    try {
      const rows = await waitFor(async () => {
        const ds = await t.db.prisma.delivery.findMany({ where: { id: { in: Object.values(deliveryOf) } }, include: { attempts: { orderBy: { number: "asc" } } } });
        return ds.every((d) => d.status === "dead") ? ds : null;
      }, 40_000);
      const byKind = Object.fromEntries(kinds.map((k) => [k, rows.find((d) => d.id === deliveryOf[k])!]));

      for (const kind of kinds) {
        const d = byKind[kind];
        expect(d.attempts.map((a) => a.outcome), kind).toEqual(["RETRY", "DEAD"]);
        expect(await t.db.prisma.deadLetter.count({ where: { deliveryId: d.id, reason: "max_retries" } }), kind).toBe(1);
      }
      for (const kind of ["hang", "slow", "dribble"] as const) {
        for (const a of byKind[kind].attempts) {
          expect(a.statusCode, kind).toBeNull();
          expect(a.error, kind).toMatch(new RegExp(`timed out after ${TIMEOUT_MS} ms`));
          // Ended by the timeout, not by the receiver: about TIMEOUT_MS, far from the receiver's own pace.
          expect(a.durationMs, kind).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
          // The receiver's own pace would be 10 × TIMEOUT_MS (slow) or 10 s (dribble, hang: never).
          expect(a.durationMs, kind).toBeLessThan(TIMEOUT_MS * 5);
        }
      }
      for (const a of byKind.reset.attempts) {
        expect(a.statusCode).toBeNull();
        expect(a.error).toMatch(/Connection failed/);
      }
      for (const a of byKind.huge.attempts) {
        expect(a.statusCode).toBe(500);
        expect(Buffer.byteLength(a.responseBody ?? "")).toBeLessThanOrEqual(RESPONSE_EXCERPT_BYTES);
        expect((a.responseBody ?? "").length).toBeGreaterThan(0);
      }
      // The sender stopped reading after its excerpt: only what fits in socket buffers left the server.
      await waitFor(() => hostile.hugeBytesWritten.length === 2, 10_000);
      for (const bytes of hostile.hugeBytesWritten) expect(bytes).toBeLessThan(32 * 1024 * 1024);
      expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(128 * 1024 * 1024);

      // Unharmed: nothing stuck in flight, and the next delivery to a healthy receiver goes through.
      await waitFor(() => worker.inFlight === 0, 5_000);
      const fine = await createEndpoint(t.db, `${base}/ok`, { policyId: policy.id });
      const m = await createMessage(t.db, { eventType: fine.eventType, payload: JSON.stringify({ ok: true }) });
      await waitFor(async () => (await t.db.prisma.delivery.findUnique({ where: { id: m.deliveryIds[0] } }))?.status === "succeeded", 10_000);
    } finally {
      await worker.stop(1_000);
    }
  });
});
