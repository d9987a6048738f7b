import type { Db, InboundEvent, InboundSource } from "../db/client";
import { withDeadline } from "../db/deadline";
import type { StoredAnswer } from "../db/hot-path";
import { notifyNewDeliveries } from "../delivery/wakeup";
import { addInboundDeadLetter } from "../dlq/add-dead-letter";
import { AppError } from "../errors/app-error";
import { toAppError } from "../errors/to-app-error";
import { logger } from "../log";
import type { DedupeCache } from "./dedupe-cache";
import type { HandlerRegistry } from "./handlers";
import { claimKey, finishRun, isFinal } from "./idempotency-store";
import { readEvent, type ParsedEvent } from "./parse-event";
import { processEvent, type ProcessOutcome } from "./process-event";
import type { RateLimiter } from "../rate-limiter";
import { REPLAY_HEADER } from "../http/headers";
import { metrics } from "../metrics/metrics";
import { BodyTooLargeError, readBodyBytesWithLimit } from "../http/read-body";
import { acceptEvent } from "./accept-event";
import { bodyFormatOf } from "./body";
import { forwardedHeaders } from "./forwarded-headers";
import { presetOf } from "./providers";
import type { ProviderPreset } from "./providers/types";
import { refusalEntry } from "./refusal-entry";
import type { RefusalLog } from "./refusal-log";
import { deadLetterFor, retryAfterOf, toRunResult } from "./run-result";
import { activeSecrets, verifySignature } from "./signature";
import type { SourceCache } from "./source-cache";
import { isSourceName } from "./source-name";

export interface InboundDeps {
  getDb(): Promise<Db>;
  cache: DedupeCache;
  sources: SourceCache;
  registry: HandlerRegistry;
  limiter: RateLimiter;
  refusals: Pick<RefusalLog, "record">;
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

/** How long past the processing budget a run keeps the key, so a slow run that may still finish is not taken over. */
const LEASE_GRACE_MS = 5_000;
/** However slow the database, the provider hears back (503 when it is the database) this soon after the budget. */
const ANSWER_GRACE_MS = 2_000;

function retryAfterHeader(seconds: number | undefined): Record<string, string> {
  return seconds === undefined ? {} : { "Retry-After": String(Math.max(1, Math.ceil(seconds))) };
}

function errorAnswer(err: AppError): InboundAnswer {
  return { status: err.status, body: JSON.stringify(err.toBody()), headers: retryAfterHeader(err.retryAfterSeconds) };
}

function replayAnswer(status: number, body: string): InboundAnswer {
  return { status, body, headers: { [REPLAY_HEADER]: "true" } };
}

const unknownSource = (name: string) => new AppError("not_found", `No inbound source named "${name}"`);

/** Refusals at the door that an operator needs to see: the sender is misconfigured, or too fast. */
const LOGGED_REFUSALS = new Set([400, 401, 413, 415, 429]);

/** What is known of a request so far, for the refusal log if it is refused. */
interface Door {
  source?: InboundSource;
  body: Uint8Array;
  declaredBytes?: number;
}

/**
 * POST /api/webhook[/source]: checks the request, claims its idempotency key, runs the
 * processor at most once at a time per key, and answers with what the provider should do.
 * Never throws: every failure is an answer (an unreachable database is a 503).
 */
export async function receiveWebhook(deps: InboundDeps, req: Request, sourceName: string): Promise<InboundAnswer> {
  const door: Door = { body: new Uint8Array() };
  try {
    return await withDeadline(receive(deps, req, sourceName, door), deps.budgetMs + ANSWER_GRACE_MS, "Storing the event");
  } catch (err) {
    const appError = toAppError(err);
    if (door.source && LOGGED_REFUSALS.has(appError.status)) {
      if (err instanceof BodyTooLargeError) [door.body, door.declaredBytes] = [err.head, err.seenBytes];
      deps.refusals.record(
        // The secrets to redact are worked out only for the rare request that is refused.
        refusalEntry({ sourceId: door.source.id, status: appError.status, code: appError.code, reason: appError.message, headers: req.headers, ...door, secrets: activeSecrets(door.source, deps.now()), now: deps.now() }),
      );
    }
    return errorAnswer(appError);
  }
}

async function receive(deps: InboundDeps, req: Request, sourceName: string, door: Door): Promise<InboundAnswer> {
  if (!isSourceName(sourceName)) throw unknownSource(sourceName);
  const db = await deps.getDb();
  const source = await deps.sources.get(db, sourceName, deps.now());
  if (!source) throw unknownSource(sourceName);
  door.source = source;
  const preset = presetOf(source.provider);
  if (!preset) throw new AppError("invalid_signature", `This source's preset "${source.provider}" is not known to this version of Hookrelay`);

  const format = bodyFormatOf(req.headers.get("content-type"), preset.acceptsForm);
  const body = await readBodyBytesWithLimit(req, deps.maxBodyBytes);
  door.body = body;
  const signature = verifySignature(preset, source, body, req.headers, deps.now());
  if (!signature.ok) throw new AppError("invalid_signature", signature.reason);
  const read = readEvent(preset, body, req.headers, format);
  if (read.kind === "handshake") return { ...read.answer, headers: {} };
  const { event } = read;

  if (source.rateLimitPerSecond) {
    const waitMs = deps.limiter.take(`source:${source.id}`, source.rateLimitPerSecond, deps.now());
    if (waitMs > 0) throw new AppError("rate_limited", `Source "${source.name}" is over its rate limit`, { retryAfterSeconds: waitMs / 1000 });
  }

  const cached = deps.cache.get(source.id, event.key.key, deps.now());
  if (cached) {
    metrics().inboundDuplicate(source.name, "memory");
    return replayAnswer(cached.status, cached.body);
  }

  if (deps.inflight.count >= deps.maxInflight) {
    throw new AppError("rate_limited", "Hookrelay is busy; slow down", { retryAfterSeconds: 1 });
  }
  deps.inflight.count++;
  try {
    if (deps.registry.handlersFor(event.eventType).length === 0) {
      const accepted = await acceptEvent(db, source, preset, event, deps.now());
      if (accepted.kind === "accepted") {
        if (accepted.deliveries > 0) notifyNewDeliveries();
        return answerStored(deps, source, event, accepted.answer, false);
      }
      if (accepted.kind === "replay") {
        metrics().inboundDuplicate(source.name, "database");
        return answerStored(deps, source, event, accepted.answer, true);
      }
    }
    return await claimAndProcess(deps, db, source, preset, event);
  } finally {
    deps.inflight.count--;
  }
}

/** Answers with a final stored answer, and keeps it in the memory tier for the duplicates to come. */
function answerStored(deps: InboundDeps, source: InboundSource, event: ParsedEvent, stored: StoredAnswer, replay: boolean): InboundAnswer {
  deps.cache.set(source.id, event.key.key, { recordId: stored.id, status: stored.resultStatus, body: stored.resultBody, expiresAt: stored.expiresAt }, deps.now());
  return replay ? replayAnswer(stored.resultStatus, stored.resultBody) : { status: stored.resultStatus, body: stored.resultBody, headers: {} };
}

async function claimAndProcess(deps: InboundDeps, db: Db, source: InboundSource, preset: ProviderPreset, event: ParsedEvent): Promise<InboundAnswer> {
  const claim = await claimKey(
    db,
    {
      sourceId: source.id,
      key: event.key.key,
      keySource: event.key.source,
      eventType: event.eventType,
      payload: event.text,
      headers: event.headers,
      providerAttempt: event.providerAttempt,
      ttlMs: source.idempotencyTtlSeconds * 1000,
      leaseMs: deps.budgetMs + LEASE_GRACE_MS,
    },
    new Date(deps.now()),
  );
  if (claim.kind === "in_progress") {
    throw new AppError("in_progress", "This event is being processed by an earlier request; retry shortly", { retryAfterSeconds: claim.retryAfterSeconds });
  }
  if (claim.kind === "replay") {
    metrics().inboundDuplicate(source.name, "database");
    const { record } = claim;
    const stored = {
      id: record.id,
      resultStatus: record.resultStatus ?? 200,
      resultBody: record.resultBody ?? JSON.stringify({ id: record.id, status: record.status }),
      expiresAt: record.expiresAt.getTime(),
    };
    return answerStored(deps, source, event, stored, true);
  }
  return runClaimed(deps, db, source, preset, claim.record, event);
}

async function runClaimed(deps: InboundDeps, db: Db, source: InboundSource, preset: ProviderPreset, record: InboundEvent, event: ParsedEvent): Promise<InboundAnswer> {
  let outcome: ProcessOutcome;
  try {
    outcome = await processEvent(
      db,
      {
        id: record.id,
        source: source.name,
        eventType: event.eventType,
        idempotencyKey: event.key.key,
        payload: event.body,
        rawBody: event.text,
        headers: event.headers,
        sourceHeaders: forwardedHeaders(source.name, preset, event.headers),
        run: record.runs,
      },
      deps.registry,
      deps.budgetMs,
    );
  } catch (err) {
    await releaseClaim(db, record, err, deps.now());
    throw err;
  }

  const letter = deadLetterFor(outcome);
  const deadLetterId = letter
    ? await addInboundDeadLetter(db.prisma, { inboundEventId: record.id, eventType: event.eventType, payload: event.text, reason: letter.reason, errorDetails: letter.details })
    : undefined;
  const result = toRunResult(outcome, { id: record.id, key: event.key }, deadLetterId);
  // An overrun handler may still be running: keep duplicates out until its lease ends.
  if (outcome.kind === "timeout") result.holdUntil = record.processingUntil;

  // No transaction around the two writes: on SQLite a rollback would also discard other requests' writes made meanwhile.
  const finished = await finishRun(db.prisma, record.id, record.runs, result, new Date(deps.now()));
  if (!finished) {
    // Our lease ran out and a newer run owns the key now; its answer is the one that counts.
    if (deadLetterId) await db.prisma.deadLetter.deleteMany({ where: { id: deadLetterId } });
    throw new AppError("in_progress", "This event is now being processed by a later request; retry shortly", { retryAfterSeconds: 1 });
  }
  if (isFinal(result.status)) {
    deps.cache.set(source.id, event.key.key, { recordId: record.id, status: result.resultStatus, body: result.resultBody, expiresAt: record.expiresAt.getTime() }, deps.now());
  }
  return { status: result.resultStatus, body: result.resultBody, headers: retryAfterHeader(retryAfterOf(outcome)) };
}

/** Frees the key after the fan-out hit the database, so a retry need not wait for the lease; best effort, as the database may be the problem. */
async function releaseClaim(db: Db, record: InboundEvent, cause: unknown, now: number): Promise<void> {
  const err = toAppError(cause);
  try {
    await finishRun(db.prisma, record.id, record.runs, { status: "failed", resultStatus: err.status, resultBody: JSON.stringify(err.toBody()), error: err.message }, new Date(now));
  } catch (releaseErr) {
    logger.warn({ err: releaseErr, inboundEventId: record.id }, "could not release an inbound claim; it frees itself when the lease ends");
  }
}
