import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "@/lib/config";
import { retentionFromConfig } from "@/lib/ops/retention";

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems.map((p) => `${p.variable}: ${p.rule}`);
    throw err;
  }
  return [];
}

describe("settings", () => {
  it("has a default for everything, so a fresh start needs none", () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ HOOKRELAY_WORKER: true, HOOKRELAY_WORKER_CONCURRENCY: 32, HOOKRELAY_DB_STATEMENT_TIMEOUT_MS: 5_000, HOOKRELAY_TRUSTED_PROXIES: 0 });
    expect(retentionFromConfig(c)).toEqual({ attemptsDays: 30, deliveriesDays: 30 });
  });

  it("reads values from the environment, ignoring empty ones", () => {
    const c = loadConfig({ HOOKRELAY_RETENTION_ATTEMPTS_DAYS: "7", HOOKRELAY_RETENTION_DELIVERIES_DAYS: "90", HOOKRELAY_WORKER: "off", HOOKRELAY_TRUSTED_PROXIES: "" });
    expect(retentionFromConfig(c)).toEqual({ attemptsDays: 7, deliveriesDays: 90 });
    expect(c.HOOKRELAY_WORKER).toBe(false);
    expect(c.HOOKRELAY_TRUSTED_PROXIES).toBe(0);
  });

  it("names every bad variable and the rule it breaks", () => {
    expect(problems({ HOOKRELAY_WORKER_CONCURRENCY: "abc", HOOKRELAY_RETENTION_ATTEMPTS_DAYS: "0", HOOKRELAY_WORKER: "maybe", HOOKRELAY_DB_CONNECT_TIMEOUT_MS: "2.5" })).toEqual([
      "HOOKRELAY_WORKER: must be one of true, false, 1, 0, yes, no, on, off",
      "HOOKRELAY_WORKER_CONCURRENCY: must be a whole number from 1 to 1000",
      "HOOKRELAY_RETENTION_ATTEMPTS_DAYS: must be a whole number from 1 to 3650",
      "HOOKRELAY_DB_CONNECT_TIMEOUT_MS: must be a whole number from 100 to 600000",
    ]);
  });

  it("wants the first operator's e-mail and password together, and a password the setup page would take", () => {
    expect(problems({ HOOKRELAY_ADMIN_EMAIL: "ops@example.com" })).toEqual(["HOOKRELAY_ADMIN_PASSWORD: must be set together with HOOKRELAY_ADMIN_EMAIL"]);
    expect(problems({ HOOKRELAY_ADMIN_EMAIL: "ops@example.com", HOOKRELAY_ADMIN_PASSWORD: "short" })).toEqual(["HOOKRELAY_ADMIN_PASSWORD: Use at least 12 characters"]);
    expect(problems({ HOOKRELAY_ADMIN_EMAIL: "ops@example.com", HOOKRELAY_ADMIN_PASSWORD: "long enough password" })).toEqual([]);
  });
});
