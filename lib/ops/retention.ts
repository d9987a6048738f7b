import { config, type Config } from "../config";

export interface Retention {
  /** Attempt rows of finished deliveries are kept this long after they were made. */
  attemptsDays: number;
  /** Finished deliveries (and messages left with none) are kept this long after they finished. */
  deliveriesDays: number;
}

/** HOOKRELAY_RETENTION_ATTEMPTS_DAYS and HOOKRELAY_RETENTION_DELIVERIES_DAYS, checked at start-up with every other setting. */
export function retentionFromConfig(c: Config = config()): Retention {
  return { attemptsDays: c.HOOKRELAY_RETENTION_ATTEMPTS_DAYS, deliveriesDays: c.HOOKRELAY_RETENTION_DELIVERIES_DAYS };
}
