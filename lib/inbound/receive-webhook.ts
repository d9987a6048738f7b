import type { Db } from "../db/client";
import { AppError } from "../http/errors";
import { addInboundDeadLetter } from "../dlq/add-dead-letter";
import { claimKey, finishRun, type RunResult } from "./idempotency-store";
import type { DedupeCache } from "./dedupe-cache";
import type { HandlerRegistry } from "./handlers";
import { deriveEventType, deriveIdempotencyKey, deriveProviderAttempt, InvalidIdempotencyKeyError } from "./idempotency-key";
import { processEvent, type ProcessOutcome } from "./process-event";
import type { RateLimiter } from "./rate-limiter";
import { isJsonContentType, readBodyWithLimit } from "./read-body";
import { verifySignature } from "./signature";
import type { SourceCache } from "./source-cache";

export interface InboundDeps {
  getDb(): Promise<Db>;
  cache: DedupeCache;
  sources: SourceCache;
  registry: HandlerRegistry;
  limiter: RateLimiter;
  now(): number;
  maxBodyBytes: number;
  budgetMs: number;
  maxInflight: number;
  inflight: { count: number };
}

export interface InboundAnswer {
  status: number;
  body: string;
  headers: Record<string, string>;
}

export const REPLAY_HEADER = "Idempotent-Replayed";

/** Headers worth keeping on the record for operators; signatures and credentials are not. */
const KEPT_HEADERS = ["content-type", "user-agent", "webhook-id", "webhook-timestamp", "x-event-id", "idempotency-key", "x-request-id", "x-event-type", "x-github-event", "webhook-attempt", "x-delivery-attempt"];

function keptHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const v = headers.get(name);
    if (v !== null) out[name] = v.slice(0, 500);
  }
  return out;
}

function answer(status: number, body: unknown, headers: Record<string, string> = {}): InboundAnswer {
  return { status, body: JSON.stringify(body), headers };
}

function errorAnswer(err: AppError): InboundAnswer {
  const headers: Record<string, string> = {};
  if (err.retryAfterSeconds !== undefined) headers["Retry-After"] = String(Math.ceil(err.retryAfterSeconds));
  return answer(err.status, err.toBody(), headers);
}

function parseObject(rawBody: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody);
  } catch {
    throw new AppError("invalid_json", "The body is not valid JSON");
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new AppError("bad_request", "The body must be a JSON object");
  }
  return parsed as Record<string, unknown>;
}

/** What a finished run answers, and what is stored for duplicates (only final answers are). */
function runResult(outcome: ProcessOutcome, base: Record<string, unknown>, deadLetterId?: string): RunResult {
  switch (outcome.kind) {
    case "processed":
      return { status: "processed", resultStatus: 200, resultBody: JSON.stringify({ ...base, status: "processed", messageId: outcome.messageId, deliveries: outcome.deliveries }), messageId: outcome.messageId };
    case "skipped":
    case "unrecoverable":
      return { status: "skipped", resultStatus: 200, resultBody: JSON.stringify({ ...base, status: "skipped", reason: outcome.reason, deadLetterId }), error: outcome.reason };
    case "rate_limited":
      return { status: "failed", resultStatus: 429, resultBody: JSON.stringify(new AppError("rate_limited", outcome.reason).toBody()), error: outcome.reason };
    case "retry":
    case "timeout":
      return { status: "failed", resultStatus: 500, resultBody: JSON.stringify(new AppError("processing_failed", `Processing failed, retry later: ${outcome.reason}`).toBody()), error: outcome.reason };
  }
}

/**
 * POST /api/webhook[/source]: checks the request, claims its idempotency key, runs the
 * processor at most once at a time per key, and answers with what the provider should do.
 */
export async function receiveWebhook(deps: InboundDeps, req: Request, sourceName: string): Promise<InboundAnswer> {
  try {
    return await receive(deps, req, sourceName);
  } catch (err) {
    if (err instanceof AppError) return errorAnswer(err);
    throw err;
  }
}

async function receive(deps: InboundDeps, req: Request, sourceName: string): Promise<InboundAnswer> {
  if (!isJsonContentType(req.headers.get("content-type"))) {
    throw new AppError("unsupported_media_type", "Send the event as JSON with Content-Type: application/json");
  }
  const rawBody = await readBodyWithLimit(req, deps.maxBodyBytes);
  const db = await deps.getDb();
  const source = await deps.sources.get(db, sourceName, deps.now());
  if (!source) throw new AppError("not_found", `No inbound source named "${sourceName}"`);

  const signature = verifySignature(source, rawBody, req.headers, deps.now());
  if (!signature.ok) throw new AppError("invalid_signature", signature.reason);

  const body = parseObject(rawBody);
  let derived;
  try {
    derived = deriveIdempotencyKey(body, req.headers);
  } catch (err) {
    if (err instanceof InvalidIdempotencyKeyError) throw new AppError("bad_request", err.message);
    throw err;
  }

  if (source.rateLimitPerSecond) {
    const waitMs = deps.limiter.take(`source:${source.id}`, source.rateLimitPerSecond, deps.now());
    if (waitMs > 0) throw new AppError("rate_limited", `Source "${source.name}" is over its rate limit`, { retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) });
  }

  const cached = deps.cache.get(source.id, derived.key);
  if (cached) return { status: cached.status, body: cached.body, headers: { [REPLAY_HEADER]: "true" } };

  if (deps.inflight.count >= deps.maxInflight) {
    throw new AppError("rate_limited", "Hookrelay is busy; slow down", { retryAfterSeconds: 1 });
  }
  deps.inflight.count++;
  try {
    return await claimAndProcess(deps, db, source, rawBody, body, derived, req.headers);
  } finally {
    deps.inflight.count--;
  }
}

async function claimAndProcess(
  deps: InboundDeps,
  db: Db,
  source: { id: string; name: string; idempotencyTtlSeconds: number },
  rawBody: string,
  body: Record<string, unknown>,
  derived: ReturnType<typeof deriveIdempotencyKey>,
  headers: Headers,
): Promise<InboundAnswer> {
  const eventType = deriveEventType(body, headers);
  const ttlMs = source.idempotencyTtlSeconds * 1000;
  const claim = await claimKey(
    db,
    {
      sourceId: source.id,
      key: derived.key,
      keySource: derived.source,
      eventType,
      payload: rawBody,
      headers: keptHeaders(headers),
      providerAttempt: deriveProviderAttempt(headers),
      ttlMs,
      // The lease outlives the processing budget so a slow run is not taken over while it may still finish.
      leaseMs: deps.budgetMs + 5_000,
    },
    new Date(deps.now()),
  );

  if (claim.kind === "replay") {
    const { record } = claim;
    const status = record.resultStatus ?? 200;
    const stored = record.resultBody ?? JSON.stringify({ id: record.id, status: record.status });
    deps.cache.set(source.id, derived.key, { recordId: record.id, status, body: stored }, record.expiresAt.getTime() - deps.now());
    return { status, body: stored, headers: { [REPLAY_HEADER]: "true" } };
  }
  if (claim.kind === "in_progress") {
    throw new AppError("in_progress", "This event is being processed by an earlier request; retry shortly", { retryAfterSeconds: claim.retryAfterSeconds });
  }

  const { record } = claim;
  const outcome = await processEvent(
    db,
    { id: record.id, source: source.name, eventType, idempotencyKey: derived.key, payload: body, rawBody, run: record.runs },
    deps.registry,
    deps.budgetMs,
  );
  const base = { id: record.id, idempotencyKey: derived.key, keySource: derived.source };
  let deadLetterId: string | undefined;
  if (outcome.kind === "skipped" || outcome.kind === "unrecoverable") {
    deadLetterId = await addInboundDeadLetter(db.prisma, {
      inboundEventId: record.id,
      eventType,
      payload: rawBody,
      reason: outcome.kind === "skipped" ? "payload_error" : "unrecoverable",
      errorDetails: outcome.reason,
    });
  }
  const result = runResult(outcome, base, deadLetterId);
  await finishRun(db, record.id, record.runs, result, new Date(deps.now()));
  if (result.status === "processed" || result.status === "skipped") {
    deps.cache.set(source.id, derived.key, { recordId: record.id, status: result.resultStatus, body: result.resultBody }, ttlMs);
  }
  const extra: Record<string, string> = {};
  if (outcome.kind === "rate_limited") extra["Retry-After"] = String(Math.max(1, Math.ceil(outcome.retryAfterSeconds)));
  return { status: result.resultStatus, body: result.resultBody, headers: extra };
}
