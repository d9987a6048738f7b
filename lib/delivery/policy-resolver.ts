import type { Db } from "../db/client";
import type { PolicyColumns } from "../db/hot-path";
import { DEFAULT_RETRY_POLICY, parseRetryPolicy, type RetryPolicy } from "../retry/policy";

const REFRESH_MS = 10_000;
/** Policies are few; the memo is dropped whole if edits ever make it this large. */
const MAX_PARSED = 256;

export function policyFromRow(row: PolicyColumns): RetryPolicy {
  return parseRetryPolicy({
    maxAttempts: row.maxAttempts,
    initialDelayMs: row.initialDelayMs,
    maxDelayMs: row.maxDelayMs,
    exponentialBase: row.exponentialBase,
    jitter: row.jitter,
    jitterMode: row.jitterMode,
    timeoutMs: row.timeoutMs,
  });
}

/**
 * The default policy and the longest request timeout of any policy, re-read every few
 * seconds: the worker needs both on every claim and they change rarely.
 */
export class PolicyResolver {
  private cache: { at: number; defaultPolicy: RetryPolicy; maxTimeoutMs: number } | undefined;
  private readonly parsed = new Map<string, RetryPolicy>();

  constructor(private readonly db: Db) {}

  private async refresh(now: number) {
    if (this.cache && now - this.cache.at < REFRESH_MS) return this.cache;
    const rows = await this.db.prisma.retryPolicy.findMany();
    const def = rows.find((r) => r.isDefault);
    const defaultPolicy = def ? policyFromRow(def) : DEFAULT_RETRY_POLICY;
    const maxTimeoutMs = Math.max(defaultPolicy.timeoutMs, ...rows.map((r) => r.timeoutMs));
    this.cache = { at: now, defaultPolicy, maxTimeoutMs };
    return this.cache;
  }

  async defaultPolicy(now: number): Promise<RetryPolicy> {
    return (await this.refresh(now)).defaultPolicy;
  }

  async maxTimeoutMs(now: number): Promise<number> {
    return (await this.refresh(now)).maxTimeoutMs;
  }

  /**
   * The policy an endpoint's own policy columns describe, or `fallback`. Parsed once per
   * distinct set of values: every delivery names its policy, and parsing is not free.
   */
  resolve(columns: PolicyColumns | null, fallback: RetryPolicy): RetryPolicy {
    if (!columns) return fallback;
    const key = [columns.maxAttempts, columns.initialDelayMs, columns.maxDelayMs, columns.exponentialBase, columns.jitter, columns.jitterMode, columns.timeoutMs].join("|");
    let policy = this.parsed.get(key);
    if (!policy) {
      if (this.parsed.size >= MAX_PARSED) this.parsed.clear();
      policy = policyFromRow(columns);
      this.parsed.set(key, policy);
    }
    return policy;
  }
}
