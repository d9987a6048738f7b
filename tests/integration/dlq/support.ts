import { expect, vi } from "vitest";
import type { Db, DeadLetter, Endpoint } from "@/lib/db/client";
import { ACTOR_HEADER, encodeActor } from "@/lib/auth/actor";
import { createMessage } from "@/lib/delivery/create-message";
import { DeliveryWorker } from "@/lib/delivery/worker";
import { waitFor, type ReceivedRequest, type TestReceiver } from "../../support/receiver";

export const SECRET = "whsec_" + Buffer.from("hookrelay-dlq-test-secret-012345").toString("base64");

export interface PolicyShape {
  maxAttempts: number;
  initialDelayMs: number;
  timeoutMs: number;
}

/** An endpoint with its own policy and its own event type, so each test's messages reach only it. */
export async function makeEndpoint(db: Db, url: string, policy: Partial<PolicyShape> = {}): Promise<Endpoint & { eventType: string }> {
  const p = await db.prisma.retryPolicy.create({
    data: {
      name: `p-${Math.random().toString(36).slice(2)}`,
      maxAttempts: policy.maxAttempts ?? 1,
      initialDelayMs: policy.initialDelayMs ?? 20,
      maxDelayMs: 1_000,
      exponentialBase: 2,
      jitter: 0,
      jitterMode: "none",
      // Generous: the sender, the receiver and the database share one busy test process.
      timeoutMs: policy.timeoutMs ?? 15_000,
    },
  });
  const eventType = `t.${p.id}`;
  const endpoint = await db.prisma.endpoint.create({ data: { url, secret: SECRET, policyId: p.id, eventTypes: JSON.stringify([eventType]) } });
  return { ...endpoint, eventType };
}

export async function sendTo(db: Db, endpoint: { eventType: string }, payload: object): Promise<{ messageId: string; deliveryId: string }> {
  const m = await createMessage(db, { eventType: endpoint.eventType, payload: JSON.stringify(payload) });
  expect(m.deliveryIds).toHaveLength(1);
  return { messageId: m.messageId, deliveryId: m.deliveryIds[0] };
}

export function startWorker(db: Db): DeliveryWorker {
  const w = new DeliveryWorker({ db, concurrency: 16, pollMs: 50, allowPrivateDestinations: true, autoDisableAfterMs: 0, leaseMarginMs: 1_000 });
  w.start();
  return w;
}

/**
 * Sends `count` messages to the endpoint and waits until each is dead-lettered by the
 * worker (the receiver must be answering with a failure). Letters come back in send order.
 */
export async function deadLettersFor(db: Db, endpoint: Endpoint & { eventType: string }, count: number, payload: (i: number) => object = (i) => ({ i })): Promise<DeadLetter[]> {
  const deliveryIds: string[] = [];
  for (let i = 0; i < count; i++) deliveryIds.push((await sendTo(db, endpoint, payload(i))).deliveryId);
  await waitFor(async () => (await db.prisma.deadLetter.count({ where: { deliveryId: { in: deliveryIds } } })) === count, 60_000);
  const letters = await db.prisma.deadLetter.findMany({ where: { deliveryId: { in: deliveryIds } } });
  const byDelivery = new Map(letters.map((l) => [l.deliveryId, l]));
  return deliveryIds.map((id) => byDelivery.get(id) as DeadLetter);
}

/**
 * `count` letters as the worker leaves them after one failed attempt each, written
 * directly: for tests about what happens to letters, where making them is not the point.
 */
export async function seedDeadLetters(db: Db, endpoint: Endpoint & { eventType: string }, count: number): Promise<DeadLetter[]> {
  const failedAt = new Date();
  const messages = await db.prisma.message.createManyAndReturn({
    data: Array.from({ length: count }, (_, i) => ({ eventType: endpoint.eventType, payload: JSON.stringify({ i }) })),
    select: { id: true, payload: true },
  });
  const deliveries = await db.prisma.delivery.createManyAndReturn({
    data: messages.map((m) => ({ messageId: m.id, endpointId: endpoint.id, status: "dead", attemptCount: 1, completedAt: failedAt, lastStatusCode: 500 })),
    select: { id: true, messageId: true },
  });
  const payloadOf = new Map(messages.map((m) => [m.id, m.payload]));
  const letters = await db.prisma.deadLetter.createManyAndReturn({
    data: deliveries.map((d, i) => ({
      deliveryId: d.id,
      lastDeliveryId: d.id,
      endpointId: endpoint.id,
      url: endpoint.url,
      eventType: endpoint.eventType,
      payload: payloadOf.get(d.messageId) as string,
      reason: "max_retries",
      errorDetails: "gave up after 1 attempt: HTTP 500 from endpoint",
      attempts: 1,
      failedAt: new Date(failedAt.getTime() + i),
    })),
  });
  return letters;
}

/** Requests the receiver got for these deliveries: earlier tests' stragglers left out. */
export function requestsFor(receiver: TestReceiver, deliveryIds: Iterable<string>): ReceivedRequest[] {
  const ids = new Set(deliveryIds);
  return receiver.requests.filter((r) => ids.has(String(r.headers["x-hookrelay-delivery-id"])));
}

/** The deliveries made to reprocess these letters (the originals left out). */
export async function reprocessDeliveries(db: Db, letters: DeadLetter[]): Promise<string[]> {
  const rows = await db.prisma.delivery.findMany({
    where: { deadLetterId: { in: letters.map((l) => l.id) }, id: { notIn: letters.flatMap((l) => (l.deliveryId ? [l.deliveryId] : [])) } },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

export async function letterInState(db: Db, id: string, status: string, timeoutMs = 20_000): Promise<DeadLetter> {
  return waitFor(async () => {
    const l = await db.prisma.deadLetter.findUnique({ where: { id } });
    return l?.status === status ? l : null;
  }, timeoutMs);
}

export type IdContext = { params: Promise<{ id: string }> };
export type JobContext = { params: Promise<{ job: string }> };

export const idContext = (id: string): IdContext => ({ params: Promise.resolve({ id }) });
export const jobContext = (job: string): JobContext => ({ params: Promise.resolve({ job }) });

/** Who the requests come from, in the header proxy.ts sets for route handlers. */
export const OPERATOR = "operator:alice@example.com";
const actorHeader = { [ACTOR_HEADER]: encodeActor({ kind: "operator", id: "op_alice", name: "alice@example.com" }) };

export function request(method: string, path: string, body?: unknown): Request {
  return new Request(`http://localhost${path}`, {
    method,
    headers: body === undefined ? actorHeader : { ...actorHeader, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** The audit notes written about one target, oldest first. */
export async function auditOf(db: Db, targetId: string): Promise<{ actor: string; action: string; details: unknown }[]> {
  const rows = await db.prisma.auditLog.findMany({ where: { targetId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map((r) => ({ actor: r.actor, action: r.action, details: r.details === null ? null : (JSON.parse(r.details) as unknown) }));
}

export async function bodyOf<T = Record<string, unknown>>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

export type ErrorJson = { error: { code: string; message: string; details?: Record<string, unknown> & { reason?: string; status?: string } } };

const appDatabases = new Set<string>();

/**
 * Fresh app modules pointed at the test database, as a server process would start; route
 * modules imported after this use it. Returns the cleanup that restores the environment.
 */
export async function freshApp(url: string): Promise<() => void> {
  vi.resetModules();
  vi.stubEnv("DATABASE_URL", url);
  appDatabases.add(url);
  return () => vi.unstubAllEnvs();
}

/**
 * Closes the connection the route modules opened. It is one per process and URL, shared
 * by every fresh module graph, so it is closed once, after the file's tests.
 */
export async function closeAppDatabase(url: string): Promise<void> {
  if (!appDatabases.delete(url)) return;
  vi.stubEnv("DATABASE_URL", url);
  try {
    const { getReadyDb } = await import("@/lib/db/ready");
    await (await getReadyDb()).close();
  } finally {
    vi.unstubAllEnvs();
  }
}
