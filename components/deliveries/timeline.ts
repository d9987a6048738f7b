/**
 * The attempt timeline of one delivery, shaped for display. An attempt row stores the
 * backoff chosen *after* it (`delayMs`), so the delay shown before attempt n is attempt
 * n-1's; the time actually waited is measured from the previous attempt's end (or from
 * the delivery's creation for the first), and can exceed the plan when workers are busy.
 */

export interface AttemptInput {
  number: number;
  /** ISO date-time. */
  startedAt: string;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
  responseBody: string | null;
  outcome: string;
  /** The backoff scheduled after this attempt; null when none followed. */
  delayMs: number | null;
  /** Credentials masked; absent on attempts recorded before headers were kept. */
  requestHeaders?: Record<string, string> | null;
  responseHeaders?: Record<string, string> | null;
}

export interface TimelineEntry {
  number: number;
  startedAtMs: number;
  finishedAtMs: number;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
  responseBody: string | null;
  requestHeaders: Record<string, string> | null;
  responseHeaders: Record<string, string> | null;
  outcome: string;
  /** The backoff the previous attempt scheduled; null before the first attempt. */
  plannedDelayMs: number | null;
  /** From the previous attempt's end (or the delivery's creation) to this attempt's start. */
  waitedMs: number;
}

export function buildTimeline(createdAt: string, attempts: readonly AttemptInput[]): TimelineEntry[] {
  const sorted = [...attempts].sort((a, b) => a.number - b.number);
  let previousEnd = Date.parse(createdAt);
  let plannedDelayMs: number | null = null;
  return sorted.map((a) => {
    const startedAtMs = Date.parse(a.startedAt);
    const entry: TimelineEntry = {
      number: a.number,
      startedAtMs,
      finishedAtMs: startedAtMs + a.durationMs,
      durationMs: a.durationMs,
      statusCode: a.statusCode,
      error: a.error,
      responseBody: a.responseBody,
      requestHeaders: a.requestHeaders ?? null,
      responseHeaders: a.responseHeaders ?? null,
      outcome: a.outcome,
      plannedDelayMs,
      // Clocks of different workers can disagree by a few milliseconds.
      waitedMs: Math.max(0, startedAtMs - previousEnd),
    };
    previousEnd = entry.finishedAtMs;
    plannedDelayMs = a.delayMs;
    return entry;
  });
}

export interface NextAttempt {
  number: number;
  dueAtMs: number;
  /** The backoff the last attempt scheduled; null for a first attempt not yet made. */
  plannedDelayMs: number | null;
}

/** The attempt a pending delivery is waiting for; null once nothing more will be tried. */
export function nextAttempt(delivery: { status: string; attemptCount: number; nextRetryAt: string | null; attempts: readonly AttemptInput[] }): NextAttempt | null {
  if (delivery.status !== "pending" || delivery.nextRetryAt === null) return null;
  const last = delivery.attempts.reduce<AttemptInput | null>((latest, a) => (latest === null || a.number > latest.number ? a : latest), null);
  return {
    number: delivery.attemptCount + 1,
    dueAtMs: Date.parse(delivery.nextRetryAt),
    plannedDelayMs: last?.delayMs ?? null,
  };
}
