import { z } from "zod";

const flag = z
  .enum(["true", "false", "1", "0", "yes", "no", "on", "off"])
  .transform((v) => ["true", "1", "yes", "on"].includes(v));

const configSchema = z.object({
  HOOKRELAY_PROCESSING_BUDGET_MS: z.coerce.number().int().min(100).max(600_000).default(25_000),
  HOOKRELAY_MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(64 * 1024 * 1024).default(1024 * 1024),
  HOOKRELAY_MAX_INFLIGHT_INBOUND: z.coerce.number().int().min(1).max(100_000).default(256),
  HOOKRELAY_DEDUPE_CACHE_SIZE: z.coerce.number().int().min(0).max(10_000_000).default(50_000),
  HOOKRELAY_WORKER: flag.default(true),
  HOOKRELAY_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(32),
  HOOKRELAY_WORKER_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(500),
  HOOKRELAY_ALLOW_PRIVATE_DESTINATIONS: flag.default(false),
  HOOKRELAY_AUTO_DISABLE_AFTER_MS: z.coerce.number().int().min(0).default(5 * 24 * 3600 * 1000),
  HOOKRELAY_LEASE_MARGIN_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  HOOKRELAY_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
});

export type Config = z.output<typeof configSchema>;

/** Settings come from the environment, each with a default, so a fresh start needs none. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([k, v]) => k.startsWith("HOOKRELAY_") && v !== ""));
  return configSchema.parse(present);
}

let cached: Config | undefined;
export function config(): Config {
  cached ??= loadConfig();
  return cached;
}
