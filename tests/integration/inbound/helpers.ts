import type { Db } from "@/lib/db/client";
import { DedupeCache } from "@/lib/inbound/dedupe-cache";
import { HandlerRegistry } from "@/lib/inbound/handlers";
import { RateLimiter } from "@/lib/rate-limiter";
import { RefusalLog } from "@/lib/inbound/refusal-log";
import { receiveWebhook, type InboundDeps } from "@/lib/inbound/receive-webhook";
import { SourceCache } from "@/lib/inbound/source-cache";

/** A clock the test moves by hand, starting at the real time so signed timestamps stay plausible. */
export class TestClock {
  t = Date.now();
  readonly now = (): number => this.t;
  advance(ms: number): void {
    this.t += ms;
  }
}

export type TestDeps = InboundDeps & { clock: TestClock };

/** One "instance" of the receive path: its own memory tier, source cache and handlers over the given database. */
export function makeDeps(db: Db, overrides: Partial<InboundDeps> = {}): TestDeps {
  const clock = new TestClock();
  return {
    getDb: async () => db,
    cache: new DedupeCache(1000),
    sources: new SourceCache(),
    registry: new HandlerRegistry(),
    limiter: new RateLimiter(),
    refusals: new RefusalLog(),
    now: clock.now,
    maxBodyBytes: 1024 * 1024,
    budgetMs: 5_000,
    maxInflight: 256,
    inflight: { count: 0 },
    clock,
    ...overrides,
  };
}

export interface PostOptions {
  headers?: Record<string, string>;
  contentType?: string | null;
}

export function webhookRequest(body: unknown, options: PostOptions = {}): Request {
  const headers = new Headers(options.headers);
  const contentType = options.contentType === undefined ? "application/json" : options.contentType;
  if (contentType !== null) headers.set("content-type", contentType);
  return new Request("http://localhost/api/webhook", {
    method: "POST",
    headers,
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

export interface Reply {
  status: number;
  headers: Record<string, string>;
  json: Record<string, unknown>;
}

export async function send(deps: InboundDeps, body: unknown, options: PostOptions & { source?: string } = {}): Promise<Reply> {
  const answer = await receiveWebhook(deps, webhookRequest(body, options), options.source ?? "default");
  return { status: answer.status, headers: answer.headers, json: JSON.parse(answer.body) as Record<string, unknown> };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A promise the test resolves when it wants a handler to finish. */
export function gate(): { wait: Promise<void>; open(): void } {
  let open!: () => void;
  const wait = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { wait, open };
}

/** Waits until `check` holds, polling; fails the test after a couple of seconds. */
export async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (await check()) return;
    await sleep(5);
  }
  throw new Error("condition not reached");
}

/** Empties everything the inbound tests write, keeping the bootstrapped default source. */
export async function resetInbound(db: Db): Promise<void> {
  const p = db.prisma;
  await p.deadLetter.deleteMany();
  await p.inboundEvent.deleteMany();
  await p.delivery.deleteMany();
  await p.message.deleteMany();
  await p.endpoint.deleteMany();
  await p.inboundSource.deleteMany({ where: { name: { not: "default" } } });
}

export async function countRows(db: Db): Promise<{ events: number; deadLetters: number; messages: number }> {
  const p = db.prisma;
  const [events, deadLetters, messages] = await Promise.all([p.inboundEvent.count(), p.deadLetter.count(), p.message.count()]);
  return { events, deadLetters, messages };
}
