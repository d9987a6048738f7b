import { Agent, request, errors as undiciErrors, type Dispatcher } from "undici";
import { storableText } from "../db/storable-text";
import type { AttemptErrorKind, AttemptResult } from "../retry/classify";
import { recordedHeaders } from "./recorded-headers";
import { RequestDeadlines } from "./request-deadline";
import { assertLiteralAddressAllowed, DestinationRefusedError, guardedLookup, parseDestinationUrl, type DestinationPolicy } from "./ssrf";

export const USER_AGENT = "Hookrelay/0.1 (+webhooks)";
export const RESPONSE_EXCERPT_BYTES = 4096;

export interface OutgoingRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
}

export interface SendResult {
  result: AttemptResult;
  durationMs: number;
  statusCode: number | null;
  responseBody: string | null;
  error: string | null;
  /** As recorded on the attempt (recorded-headers.ts): JSON, credentials masked. */
  requestHeaders: string | null;
  responseHeaders: string | null;
}

/**
 * Reads at most `limit` bytes of a response and drops the rest: a huge body cannot fill memory.
 * As storable text: a binary answer's NUL bytes would otherwise fail its attempt's record.
 */
async function readExcerpt(body: Dispatcher.ResponseData["body"], limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    chunks.push(buf.subarray(0, Math.max(0, limit - size)));
    size += buf.length;
    if (size >= limit) {
      body.destroy();
      break;
    }
  }
  return storableText(Buffer.concat(chunks));
}

function codeOf(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

export function classifyNetworkError(err: unknown, timeoutMs: number): { kind: AttemptErrorKind; message: string } {
  if (err instanceof DestinationRefusedError) return { kind: err.kind, message: err.message };
  const name = (err as { name?: string }).name;
  const code = codeOf(err);
  if (name === "TimeoutError" || name === "AbortError" || err instanceof undiciErrors.HeadersTimeoutError || err instanceof undiciErrors.BodyTimeoutError || code === "UND_ERR_CONNECT_TIMEOUT") {
    return { kind: "timeout", message: `Request timed out after ${timeoutMs} ms` };
  }
  if (code === "ESSRFBLOCKED") {
    const message = (err as { cause?: { message?: string } }).cause?.message ?? (err as Error).message;
    return { kind: "ssrf_blocked", message };
  }
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return { kind: "dns", message: `DNS lookup failed (${code})` };
  if (code && (code.startsWith("ERR_TLS") || code.includes("CERT") || code === "EPROTO")) return { kind: "tls", message: `TLS error (${code})` };
  if (code === "ECONNREFUSED" || code === "ECONNRESET" || code === "EPIPE" || code === "EHOSTUNREACH" || code === "ENETUNREACH" || code === "UND_ERR_SOCKET" || code === "UND_ERR_CLOSED") {
    return { kind: "connection", message: `Connection failed (${code})` };
  }
  return { kind: "other", message: err instanceof Error ? err.message : String(err) };
}

/**
 * Sends webhook requests. Connections go through a lookup that refuses private addresses
 * (unless allowed), redirects are never followed (a 3xx is a failed attempt, as the
 * Standard Webhooks spec asks), and only a bounded excerpt of each response is kept.
 */
export class WebhookSender {
  private readonly agent: Agent;
  private readonly deadlines: RequestDeadlines;

  /** `signal` ends every request under way, for a shutdown that cannot wait. */
  constructor(
    private readonly policy: DestinationPolicy,
    options: { connections?: number; signal?: AbortSignal } = {},
  ) {
    this.deadlines = new RequestDeadlines(options.signal);
    this.agent = new Agent({
      connect: { lookup: guardedLookup(policy) },
      connections: options.connections ?? 64,
      keepAliveTimeout: 10_000,
    });
  }

  async send(req: OutgoingRequest): Promise<SendResult> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const headers = { "content-type": "application/json", "user-agent": USER_AGENT, ...req.headers };
    const requestHeaders = recordedHeaders(headers);
    const deadline = this.deadlines.start(req.timeoutMs);
    try {
      const url = parseDestinationUrl(req.url);
      assertLiteralAddressAllowed(url, this.policy);
      const res = await request(url, {
        method: "POST",
        body: req.body,
        headers,
        dispatcher: this.agent,
        signal: deadline.signal,
        headersTimeout: req.timeoutMs,
        bodyTimeout: req.timeoutMs,
      });
      const responseBody = await readExcerpt(res.body, RESPONSE_EXCERPT_BYTES);
      const retryAfter = res.headers["retry-after"];
      return {
        result: { kind: "response", status: res.statusCode, retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : (retryAfter ?? null) },
        durationMs: elapsed(),
        statusCode: res.statusCode,
        responseBody,
        error: null,
        requestHeaders,
        responseHeaders: recordedHeaders(res.headers),
      };
    } catch (err) {
      const { kind, message } = classifyNetworkError(err, req.timeoutMs);
      return { result: { kind: "error", error: kind, message }, durationMs: elapsed(), statusCode: null, responseBody: null, error: message, requestHeaders, responseHeaders: null };
    } finally {
      deadline.end();
    }
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}
