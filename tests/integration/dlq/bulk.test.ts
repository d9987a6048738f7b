import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import type { DeliveryWorker } from "@/lib/delivery/worker";
import { BulkJobRunner, type BulkJobRunnerOptions } from "@/lib/dlq/bulk-job-runner";
import type { BulkJobView } from "@/lib/dlq/bulk-job-view";
import { cancelBulkJob } from "@/lib/dlq/cancel-bulk-job";
import { systemClock, type Clock } from "@/lib/dlq/clock";
import { createReprocessJob, reprocessJobRequestSchema, type CreatedJob } from "@/lib/dlq/create-reprocess-job";
import { getBulkJob } from "@/lib/dlq/get-bulk-job";
import { HandlerRegistry } from "@/lib/inbound/handlers";
import { AppError } from "@/lib/errors/app-error";
import { TestReceiver, waitFor } from "../../support/receiver";
import { testProviders, useTestDatabase } from "../../support/databases";
import { auditOf, bodyOf, closeAppDatabase, deadLettersFor, freshApp, jobContext, makeEndpoint, reprocessDeliveries, request, requestsFor, seedDeadLetters, startWorker, OPERATOR, type ErrorJson } from "./support";

const INBOUND = { registry: new HandlerRegistry(), budgetMs: 5_000 };

async function createJob(db: Db, body: unknown): Promise<BulkJobView> {
  const result = await createReprocessJob(db, reprocessJobRequestSchema.parse(body), "operator:test@example.com");
  expect(result.dryRun).toBe(false);
  return (result as CreatedJob).job;
}

const jobDone = (db: Db, id: string, timeoutMs = 30_000) =>
  waitFor(async () => {
    const job = await getBulkJob(db, id);
    return job.finishedAt ? job : null;
  }, timeoutMs);

describe.each(testProviders())("bulk reprocess and discard on %s", (provider) => {
  const t = useTestDatabase(provider);
  afterAll(() => closeAppDatabase(t.url));
  const receiver = new TestReceiver();
  let worker: DeliveryWorker;
  const runners: BulkJobRunner[] = [];

  function startRunner(extra: Partial<BulkJobRunnerOptions> = {}): BulkJobRunner {
    const r = new BulkJobRunner({ getDb: async () => t.db, pollMs: 50, syncMs: 100, inbound: INBOUND, ...extra });
    r.start();
    runners.push(r);
    return r;
  }

  /** Runs a one-letter job to its end: proof the runner has polled since whatever came before. */
  async function runsToItsEnd(ep: Parameters<typeof seedDeadLetters>[1]): Promise<void> {
    const [letter] = await seedDeadLetters(t.db, ep, 1);
    const job = await createJob(t.db, { ids: [letter.id], ratePerSecond: 100 });
    await jobDone(t.db, job.id);
  }

  beforeAll(async () => {
    await receiver.start();
    worker = startWorker(t.db);
  });
  afterAll(async () => {
    await worker.stop(1_000);
    await receiver.stop();
  });
  beforeEach(() => {
    receiver.respondWith(() => ({ status: 500 }));
    receiver.requests.length = 0;
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((r) => r.stop()));
  });

  it("reprocesses 200 letters at 50 per second: all delivered, no faster than the rate, with progress along the way", async () => {
    const ep = await makeEndpoint(t.db, receiver.url);
    const letters = await seedDeadLetters(t.db, ep, 200);
    receiver.respondWith(() => ({ status: 200 }));

    const cleanup = await freshApp(t.url);
    try {
      const { POST } = await import("@/app/api/dlq/reprocess/route");
      const { GET } = await import("@/app/api/dlq/reprocess/[job]/route");
      const created = await POST(request("POST", "/api/dlq/reprocess", { filter: { endpointId: ep.id }, ratePerSecond: 50 }), undefined);
      expect(created.status).toBe(202);
      const { job, ignored } = await bodyOf<{ job: BulkJobView; ignored: number }>(created);
      expect(job).toMatchObject({ kind: "reprocess", status: "queued", total: 200, processed: 0, queued: 200, succeeded: 0, failed: 0, ratePerSecond: 50 });
      expect(job.selection).toEqual({ filter: { endpointId: ep.id }, enableEndpoint: false });
      expect(job.createdBy).toBe(OPERATOR);
      expect(ignored).toBe(0);
      expect(await auditOf(t.db, job.id)).toEqual([
        { actor: OPERATOR, action: "dead_letter.bulk_reprocess", details: { filter: { endpointId: ep.id }, enableEndpoint: false, total: 200, ratePerSecond: 50 } },
      ]);

      startRunner();
      const seen: BulkJobView[] = [];
      const giveUpAt = Date.now() + 45_000;
      let last: BulkJobView;
      do {
        await new Promise((r) => setTimeout(r, 250));
        const res = await GET(request("GET", `/api/dlq/reprocess/${job.id}`), jobContext(job.id));
        expect(res.status).toBe(200);
        last = await bodyOf<BulkJobView>(res);
        seen.push(last);
      } while (!last.finishedAt && Date.now() < giveUpAt);

      expect(last).toMatchObject({ status: "completed", total: 200, processed: 200, queued: 0, inFlight: 0, succeeded: 200, failed: 0, error: null });
      // Progress was visible while it ran: part-way counts with the job running.
      const midway = seen.filter((s) => s.status === "running" && s.processed > 0 && s.processed < 200);
      expect(midway.length).toBeGreaterThanOrEqual(5);
      expect(midway.some((s) => s.succeeded > 0 && s.queued > 0)).toBe(true);
      const processed = midway.map((s) => s.processed);
      expect(processed).toEqual([...processed].sort((a, b) => a - b));

      expect((await GET(request("GET", "/api/dlq/reprocess/nope"), jobContext("nope"))).status).toBe(404);

      expect(receiver.requests).toHaveLength(200);
      expect(new Set(receiver.requests.map((r) => r.headers["webhook-id"])).size).toBe(200);
      expect(requestsFor(receiver, await reprocessDeliveries(t.db, letters))).toHaveLength(200);
      const startedAt = new Date(last.startedAt!).getTime();
      const lastSend = Math.max(...receiver.requests.map((r) => r.at));
      // 199 gaps of 20 ms: at least 3.98 s from the job's start to the last send.
      expect(lastSend - startedAt).toBeGreaterThanOrEqual(3_900);
      expect(lastSend - startedAt).toBeLessThan(45_000);
    } finally {
      await cleanup();
    }

    // The runner paces the starts: no one-second window holds more than the rate (plus the edge).
    const deliveries = await t.db.prisma.delivery.findMany({ where: { deadLetterId: { in: letters.map((l) => l.id) } }, select: { createdAt: true } });
    expect(deliveries).toHaveLength(200);
    const times = deliveries.map((d) => d.createdAt.getTime()).sort((a, b) => a - b);
    let peak = 0;
    for (let i = 0, j = 0; i < times.length; i++) {
      while (times[i] - times[j] >= 1000) j++;
      peak = Math.max(peak, i - j + 1);
    }
    expect(peak).toBeLessThanOrEqual(53);
    expect(await t.db.prisma.deadLetter.count({ where: { id: { in: letters.map((l) => l.id) }, status: "reprocessed" } })).toBe(200);
  });

  it("paces by the injected clock: 20 letters at 1 per second span 19 s of its time", async () => {
    const ep = await makeEndpoint(t.db, receiver.url);
    await seedDeadLetters(t.db, ep, 20);
    receiver.respondWith(() => ({ status: 200 }));
    // Runs 50 times faster than the wall clock, so the pacing shows without the wait.
    let virtual = Date.now();
    const clock: Clock = {
      now: () => virtual,
      sleep: (ms, signal) =>
        systemClock.sleep(ms / 50, signal).then(() => {
          virtual += ms;
        }),
    };
    const job = await createJob(t.db, { filter: { endpointId: ep.id }, ratePerSecond: 1 });
    startRunner({ clock, syncMs: 500 });
    const done = await jobDone(t.db, job.id);
    expect(done).toMatchObject({ status: "completed", processed: 20, succeeded: 20 });
    const span = new Date(done.finishedAt!).getTime() - new Date(done.startedAt!).getTime();
    expect(span).toBeGreaterThanOrEqual(19_000);
    expect(span).toBeLessThan(19_000 + 30_000);
  });

  it("counts letters whose reprocess fails again, or that are no longer pending at their turn, as failed", async () => {
    const ep = await makeEndpoint(t.db, receiver.url);
    const letters = await deadLettersFor(t.db, ep, 6, (i) => ({ i, reject: i % 3 === 0 }));
    receiver.respondWith((r) => (JSON.parse(r.body).reject ? { status: 400 } : { status: 200 }));
    const job = await createJob(t.db, { ids: letters.map((l) => l.id), ratePerSecond: 100 });
    expect(job.total).toBe(6);
    // Discarded after the job snapshot its ids: it cannot start when its turn comes.
    await t.db.prisma.deadLetter.update({ where: { id: letters[1].id }, data: { status: "discarded" } });
    startRunner();
    const done = await jobDone(t.db, job.id);
    // 0 and 3 are rejected by the receiver, 1 was discarded; 2, 4 and 5 go through.
    expect(done).toMatchObject({ status: "completed", processed: 6, succeeded: 3, failed: 3, inFlight: 0 });
    const states = await t.db.prisma.deadLetter.findMany({ where: { id: { in: letters.map((l) => l.id) } } });
    const byId = new Map(states.map((s) => [s.id, s]));
    expect(letters.map((l) => byId.get(l.id)?.status)).toEqual(["pending", "discarded", "reprocessed", "pending", "reprocessed", "reprocessed"]);
    expect(byId.get(letters[0].id)).toMatchObject({ reason: "payload_error", reprocessCount: 1 });
    expect(await t.db.prisma.delivery.count({ where: { deadLetterId: letters[1].id } })).toBe(1);
  });

  it("a dry run counts what the filter selects and changes nothing", async () => {
    const a = await makeEndpoint(t.db, receiver.url);
    const b = await makeEndpoint(t.db, receiver.url);
    const onA = await deadLettersFor(t.db, a, 4);
    receiver.respondWith(() => ({ status: 415 }));
    const onB = await deadLettersFor(t.db, b, 3);
    await t.db.prisma.deadLetter.update({ where: { id: onA[0].id }, data: { status: "discarded" } });
    await t.db.prisma.endpoint.update({ where: { id: b.id }, data: { enabled: false, disabledReason: "Disabled by an operator" } });
    const jobsBefore = await t.db.prisma.bulkJob.count();

    const cleanup = await freshApp(t.url);
    try {
      const { POST } = await import("@/app/api/dlq/reprocess/route");
      const dry = async (body: object) => {
        const res = await POST(request("POST", "/api/dlq/reprocess", { ...body, dryRun: true }), undefined);
        expect(res.status).toBe(200);
        return bodyOf<{ dryRun: boolean; matched: number; disabledEndpoints: { id: string }[] }>(res);
      };
      expect(await dry({ filter: { endpointId: a.id } })).toEqual({ dryRun: true, matched: 3, disabledEndpoints: [] });
      expect(await dry({ filter: { endpointId: b.id, reason: "payload_error" } })).toEqual({
        dryRun: true,
        matched: 3,
        disabledEndpoints: [{ id: b.id, url: receiver.url, disabledReason: "Disabled by an operator" }],
      });
      expect((await dry({ filter: { endpointId: a.id, reason: ["payload_error", "unrecoverable"] } })).matched).toBe(0);
      expect((await dry({ ids: [onA[0].id, onA[1].id, onB[0].id, "nope"] })).matched).toBe(2);

      const both = await POST(request("POST", "/api/dlq/reprocess", { ids: [onA[1].id], filter: {} }), undefined);
      expect(both.status).toBe(400);
      expect((await bodyOf<ErrorJson>(both)).error.details).toEqual([{ path: "filter", message: expect.stringMatching(/either ids .* or filter/) }]);
      const tooFast = await POST(request("POST", "/api/dlq/reprocess", { filter: {}, ratePerSecond: 5000 }), undefined);
      expect(tooFast.status).toBe(400);
      const badReason = await POST(request("POST", "/api/dlq/reprocess", { filter: { reason: "flaky" } }), undefined);
      expect(badReason.status).toBe(400);
      const nothing = await POST(request("POST", "/api/dlq/reprocess", { filter: { endpointId: a.id, reason: "unrecoverable" } }), undefined);
      expect(nothing.status).toBe(422);
    } finally {
      await cleanup();
    }
    expect(await t.db.prisma.bulkJob.count()).toBe(jobsBefore);
    expect(await t.db.prisma.deadLetter.count({ where: { id: { in: [...onA, ...onB].map((l) => l.id) }, status: "pending" } })).toBe(6);
  });

  it("a job over a disabled endpoint is refused until it asks to re-enable it", async () => {
    const ep = await makeEndpoint(t.db, receiver.url);
    const letters = await deadLettersFor(t.db, ep, 3);
    await t.db.prisma.endpoint.update({ where: { id: ep.id }, data: { enabled: false, disabledReason: "Disabled by an operator", disabledAt: new Date() } });
    const refused = await createReprocessJob(t.db, reprocessJobRequestSchema.parse({ filter: { endpointId: ep.id } }), "operator:test@example.com").then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).status).toBe(409);
    expect((refused as AppError).details).toMatchObject({ reason: "endpoint_disabled", endpoints: [{ id: ep.id }] });

    receiver.respondWith(() => ({ status: 200 }));
    const job = await createJob(t.db, { filter: { endpointId: ep.id }, enableEndpoint: true, ratePerSecond: 100 });
    expect(job.selection).toMatchObject({ enableEndpoint: true });
    expect(await t.db.prisma.endpoint.findUniqueOrThrow({ where: { id: ep.id } })).toMatchObject({ enabled: true, disabledReason: null, disabledAt: null });
    startRunner();
    expect(await jobDone(t.db, job.id)).toMatchObject({ status: "completed", succeeded: 3, failed: 0 });
    expect(await t.db.prisma.deadLetter.count({ where: { id: { in: letters.map((l) => l.id) }, status: "reprocessed" } })).toBe(3);
  });

  it("a cancelled job takes no more letters, and still reports how the started ones ended", async () => {
    const ep = await makeEndpoint(t.db, receiver.url);
    const letters = await deadLettersFor(t.db, ep, 40);
    receiver.respondWith(() => ({ status: 200 }));
    receiver.requests.length = 0;
    const job = await createJob(t.db, { ids: letters.map((l) => l.id), ratePerSecond: 5 });
    startRunner();
    await waitFor(async () => (await getBulkJob(t.db, job.id)).processed >= 3, 10_000);

    const cleanup = await freshApp(t.url);
    let cancelled: BulkJobView | undefined;
    try {
      const { POST } = await import("@/app/api/dlq/reprocess/[job]/cancel/route");
      const res = await POST(request("POST", `/api/dlq/reprocess/${job.id}/cancel`), jobContext(job.id));
      expect(res.status).toBe(200);
      cancelled = await bodyOf<BulkJobView>(res);
      expect(cancelled.status).toBe("cancelled");
      expect(cancelled.processed).toBeLessThan(40);
      // Settled by the runner: it waits for the started letters, then records the end.
      const done = await jobDone(t.db, job.id);
      expect(done.status).toBe("cancelled");
      const again = await POST(request("POST", `/api/dlq/reprocess/${job.id}/cancel`), jobContext(job.id));
      expect(again.status).toBe(409);
      expect((await bodyOf<ErrorJson>(again)).error.details).toEqual({ reason: "not_cancellable", status: "cancelled" });
      // The job was made by the service directly: it is audited all the same.
      expect((await auditOf(t.db, job.id)).map((a) => a.action)).toEqual(["dead_letter.bulk_reprocess", "bulk_job.cancel"]);
    } finally {
      await cleanup();
    }
    // A job started after the cancel runs to its end: the runner has been round since, and took nothing more of this one.
    await runsToItsEnd(ep);
    const final = await getBulkJob(t.db, job.id);
    // The cursor moves only while the job runs, in the transaction that starts a letter: nothing is taken after the cancel.
    expect(final.processed).toBe(cancelled!.processed);
    expect(final).toMatchObject({ status: "cancelled", total: 40, succeeded: final.processed, failed: 0, inFlight: 0, queued: 40 - final.processed });
    const reprocessed = await t.db.prisma.deadLetter.findMany({ where: { id: { in: letters.map((l) => l.id) }, status: "reprocessed" }, select: { id: true } });
    // Exactly the letters the job took, in its order (oldest failure first), and no other.
    const taken = JSON.parse((await t.db.prisma.bulkJob.findUniqueOrThrow({ where: { id: job.id } })).itemIds) as string[];
    expect(reprocessed.map((l) => l.id).sort()).toEqual(taken.slice(0, final.processed).sort());
    expect(await t.db.prisma.deadLetter.count({ where: { id: { in: letters.map((l) => l.id) }, status: "pending" } })).toBe(40 - final.processed);
    const deliveries = await reprocessDeliveries(t.db, letters);
    expect(deliveries).toHaveLength(final.processed);
    expect(requestsFor(receiver, deliveries)).toHaveLength(final.processed);
  });

  it("a queued job cancels at once; a finished one cannot be cancelled", async () => {
    const ep = await makeEndpoint(t.db, receiver.url);
    const letters = await deadLettersFor(t.db, ep, 2);
    const job = await createJob(t.db, { ids: letters.map((l) => l.id) });
    const cancelled = await cancelBulkJob(t.db, job.id, "system");
    expect(cancelled).toMatchObject({ status: "cancelled", processed: 0 });
    expect(cancelled.finishedAt).not.toBeNull();
    startRunner();
    await runsToItsEnd(ep);
    expect(await t.db.prisma.deadLetter.count({ where: { id: { in: letters.map((l) => l.id) }, status: "pending" } })).toBe(2);
    expect((await cancelBulkJob(t.db, job.id, "system").catch((e: AppError) => e)) as AppError).toMatchObject({ status: 409 });
    expect(((await cancelBulkJob(t.db, "nope", "system").catch((e: AppError) => e)) as AppError).status).toBe(404);
  });

  it("a job left running by a runner that stopped is resumed from its cursor by another, without sending any letter twice", async () => {
    const ep = await makeEndpoint(t.db, receiver.url);
    const letters = await deadLettersFor(t.db, ep, 30);
    receiver.respondWith(() => ({ status: 200 }));
    receiver.requests.length = 0;
    const job = await createJob(t.db, { filter: { endpointId: ep.id }, ratePerSecond: 20 });
    const first = startRunner({ staleAfterMs: 400 });
    await waitFor(async () => (await getBulkJob(t.db, job.id)).processed >= 8, 10_000);
    await first.stop();
    const left = await getBulkJob(t.db, job.id);
    expect(left.status).toBe("running");
    expect(left.processed).toBeLessThan(30);
    expect(left.finishedAt).toBeNull();

    startRunner({ staleAfterMs: 400 });
    const done = await jobDone(t.db, job.id);
    expect(done).toMatchObject({ status: "completed", processed: 30, succeeded: 30, failed: 0 });
    for (const l of letters) expect(await t.db.prisma.delivery.count({ where: { deadLetterId: l.id } })).toBe(2);
    const deliveries = await reprocessDeliveries(t.db, letters);
    expect(deliveries).toHaveLength(30);
    expect(requestsFor(receiver, deliveries)).toHaveLength(30);
  });

  it("two runners on one job never take a letter twice", async () => {
    const ep = await makeEndpoint(t.db, receiver.url);
    const letters = await deadLettersFor(t.db, ep, 20);
    receiver.respondWith(() => ({ status: 200 }));
    receiver.requests.length = 0;
    const job = await createJob(t.db, { filter: { endpointId: ep.id }, ratePerSecond: 200 });
    // A zero staleness makes each runner take the job over from the other on every poll.
    startRunner({ staleAfterMs: 0 });
    startRunner({ staleAfterMs: 0 });
    expect(await jobDone(t.db, job.id)).toMatchObject({ status: "completed", processed: 20, succeeded: 20 });
    for (const l of letters) expect(await t.db.prisma.delivery.count({ where: { deadLetterId: l.id } })).toBe(2);
    expect(requestsFor(receiver, await reprocessDeliveries(t.db, letters))).toHaveLength(20);
  });

  it("discards in bulk by filter or ids, records it as a job, and a dry run only counts", async () => {
    const ep = await makeEndpoint(t.db, receiver.url);
    const maxed = await deadLettersFor(t.db, ep, 3);
    receiver.respondWith(() => ({ status: 400 }));
    const rejected = await deadLettersFor(t.db, ep, 2);
    const cleanup = await freshApp(t.url);
    try {
      const { POST } = await import("@/app/api/dlq/discard/route");
      const dry = await POST(request("POST", "/api/dlq/discard", { filter: { endpointId: ep.id, reason: "max_retries" }, dryRun: true }), undefined);
      expect(await bodyOf(dry)).toEqual({ dryRun: true, matched: 3 });
      expect(await t.db.prisma.deadLetter.count({ where: { endpointId: ep.id, status: "pending" } })).toBe(5);

      const res = await POST(request("POST", "/api/dlq/discard", { filter: { endpointId: ep.id, reason: "max_retries" } }), undefined);
      expect(res.status).toBe(200);
      const body = await bodyOf<{ discarded: number; ignored: number; job: BulkJobView }>(res);
      expect(body).toMatchObject({ dryRun: false, discarded: 3, ignored: 0, job: { kind: "discard", status: "completed", total: 3, processed: 3, succeeded: 3, failed: 0 } });
      expect(body.job.selection).toEqual({ filter: { endpointId: ep.id, reason: ["max_retries"] } });
      expect(await auditOf(t.db, body.job.id)).toEqual([{ actor: OPERATOR, action: "dead_letter.bulk_discard", details: { filter: { endpointId: ep.id, reason: ["max_retries"] }, discarded: 3 } }]);

      const byIds = await POST(request("POST", "/api/dlq/discard", { ids: [rejected[0].id, maxed[0].id, "nope"] }), undefined);
      expect(await bodyOf(byIds)).toMatchObject({ discarded: 1, ignored: 2 });
      expect((await POST(request("POST", "/api/dlq/discard", {}), undefined)).status).toBe(400);
    } finally {
      await cleanup();
    }
    const states = await t.db.prisma.deadLetter.findMany({ where: { endpointId: ep.id }, orderBy: { failedAt: "asc" } });
    expect(states.filter((s) => s.status === "discarded")).toHaveLength(4);
    expect(states.find((s) => s.id === rejected[1].id)?.status).toBe("pending");
  });
});
