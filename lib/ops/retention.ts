import { z } from "zod";

const days = (fallback: number) => z.coerce.number().int().min(1).max(3650).default(fallback);

const retentionSchema = z.object({
  HOOKRELAY_RETENTION_ATTEMPTS_DAYS: days(30),
  HOOKRELAY_RETENTION_DELIVERIES_DAYS: days(30),
});

export interface Retention {
  /** Attempt rows of finished deliveries are kept this long after they were made. */
  attemptsDays: number;
  /** Finished deliveries (and messages left with none) are kept this long after they finished. */
  deliveriesDays: number;
}

export function retentionFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): Retention {
  const parsed = retentionSchema.parse({
    HOOKRELAY_RETENTION_ATTEMPTS_DAYS: env.HOOKRELAY_RETENTION_ATTEMPTS_DAYS || undefined,
    HOOKRELAY_RETENTION_DELIVERIES_DAYS: env.HOOKRELAY_RETENTION_DELIVERIES_DAYS || undefined,
  });
  return { attemptsDays: parsed.HOOKRELAY_RETENTION_ATTEMPTS_DAYS, deliveriesDays: parsed.HOOKRELAY_RETENTION_DELIVERIES_DAYS };
}
