import { availableParallelism } from "node:os";
import { z } from "zod";
import { emailSchema, newPasswordSchema } from "./auth/credentials";

const FLAG_VALUES = ["true", "false", "1", "0", "yes", "no", "on", "off"] as const;
const flag = z
  .enum(FLAG_VALUES, { error: `must be one of ${FLAG_VALUES.join(", ")}` })
  .transform((v) => ["true", "1", "yes", "on"].includes(v));

/** A whole number in [min, max]; every failure reads as the one rule, e.g. "must be a whole number from 1 to 1000". */
function wholeNumber(min: number, max: number) {
  const error = `must be a whole number from ${min} to ${max}`;
  return z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });
}

const DAY = 24 * 3600 * 1000;

// Simulations are CPU-bound: leave a core for requests when there is more than one.
const DEFAULT_SIMULATION_THREADS = Math.max(1, Math.min(4, availableParallelism() - 1));

const configSchema = z
  .object({
    HOOKRELAY_PROCESSING_BUDGET_MS: wholeNumber(100, 600_000).default(25_000),
    HOOKRELAY_MAX_BODY_BYTES: wholeNumber(1024, 64 * 1024 * 1024).default(1024 * 1024),
    HOOKRELAY_MAX_INFLIGHT_INBOUND: wholeNumber(1, 100_000).default(256),
    HOOKRELAY_DEDUPE_CACHE_SIZE: wholeNumber(0, 10_000_000).default(50_000),
    HOOKRELAY_WORKER: flag.default(true),
    HOOKRELAY_WORKER_CONCURRENCY: wholeNumber(1, 1000).default(32),
    HOOKRELAY_WORKER_POLL_MS: wholeNumber(10, 60_000).default(500),
    HOOKRELAY_ALLOW_PRIVATE_DESTINATIONS: flag.default(false),
    HOOKRELAY_AUTO_DISABLE_AFTER_MS: wholeNumber(0, 3650 * DAY).default(5 * DAY),
    HOOKRELAY_LEASE_MARGIN_MS: wholeNumber(100, 600_000).default(15_000),
    HOOKRELAY_SHUTDOWN_GRACE_MS: wholeNumber(0, 600_000).default(10_000),
    HOOKRELAY_RETENTION_ATTEMPTS_DAYS: wholeNumber(1, 3650).default(30),
    HOOKRELAY_RETENTION_DELIVERIES_DAYS: wholeNumber(1, 3650).default(30),
    HOOKRELAY_DB_CONNECT_TIMEOUT_MS: wholeNumber(100, 600_000).default(5_000),
    HOOKRELAY_DB_STATEMENT_TIMEOUT_MS: wholeNumber(100, 3_600_000).default(5_000),
    HOOKRELAY_TRUSTED_PROXIES: wholeNumber(0, 10).default(0),
    HOOKRELAY_SIMULATION_THREADS: wholeNumber(1, 64).default(DEFAULT_SIMULATION_THREADS),
    HOOKRELAY_SIMULATION_QUEUE: wholeNumber(0, 10_000).default(16),
    HOOKRELAY_METRICS_TOKEN: z.string().trim().optional(),
    HOOKRELAY_ADMIN_EMAIL: emailSchema.optional(),
    HOOKRELAY_ADMIN_PASSWORD: newPasswordSchema.optional(),
  })
  .refine((c) => (c.HOOKRELAY_ADMIN_EMAIL === undefined) === (c.HOOKRELAY_ADMIN_PASSWORD === undefined), {
    path: ["HOOKRELAY_ADMIN_PASSWORD"],
    error: "must be set together with HOOKRELAY_ADMIN_EMAIL",
  });

export type Config = z.output<typeof configSchema>;

export interface ConfigProblem {
  variable: string;
  rule: string;
}

/** A setting the process cannot run with; the message names each variable and the rule it breaks. */
export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(`Invalid settings: ${problems.map((p) => `${p.variable}: ${p.rule}`).join("; ")}`);
    this.name = "ConfigError";
  }
}

/** Settings come from the environment, each with a default, so a fresh start needs none. */
export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([k, v]) => k.startsWith("HOOKRELAY_") && v !== undefined && v !== ""));
  const parsed = configSchema.safeParse(present);
  if (parsed.success) return parsed.data;
  throw new ConfigError(parsed.error.issues.map((issue) => ({ variable: String(issue.path[0] ?? "settings"), rule: issue.message })));
}

let cached: Config | undefined;

/** The settings, parsed once; start-up calls it first so a bad value stops the process before anything runs. */
export function config(): Config {
  cached ??= loadConfig();
  return cached;
}
