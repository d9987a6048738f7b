import type { Db, RetryPolicyRow } from "../db/client";
import { DEFAULT_RETRY_POLICY, parseRetryPolicy, type RetryPolicy } from "../retry/policy";

const REFRESH_MS = 10_000;

export function policyFromRow(row: RetryPolicyRow): RetryPolicy {
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

  resolve(row: RetryPolicyRow | null, fallback: RetryPolicy): RetryPolicy {
    return row ? policyFromRow(row) : fallback;
  }
}
