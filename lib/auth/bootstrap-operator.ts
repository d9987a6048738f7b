import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { logger } from "../log";
import { setupSchema } from "./credentials";
import { createFirstOperator, hasOperator } from "./first-operator";

export type BootstrapOutcome = "created" | "exists" | "not_configured" | "invalid";

/**
 * Creates the first operator from HOOKRELAY_ADMIN_EMAIL and HOOKRELAY_ADMIN_PASSWORD when
 * there is none yet. Once any operator exists the variables are ignored: changing them
 * later never resets a password behind the operators' backs.
 */
export async function bootstrapOperator(db: Db, env: Readonly<Record<string, string | undefined>> = process.env): Promise<BootstrapOutcome> {
  const email = env.HOOKRELAY_ADMIN_EMAIL?.trim();
  const password = env.HOOKRELAY_ADMIN_PASSWORD;
  if (!email && !password) return "not_configured";
  if (!email || !password) {
    logger.warn("set both HOOKRELAY_ADMIN_EMAIL and HOOKRELAY_ADMIN_PASSWORD to create the first operator; ignoring the one that is set");
    return "not_configured";
  }
  if (await hasOperator(db)) return "exists";
  const input = setupSchema.safeParse({ email, password });
  if (!input.success) {
    // No operator with a password the setup page would refuse; the setup page stays open instead.
    logger.error({ issues: input.error.issues.map((i) => i.message) }, "HOOKRELAY_ADMIN_EMAIL/HOOKRELAY_ADMIN_PASSWORD are not valid; no operator created");
    return "invalid";
  }
  try {
    const operator = await createFirstOperator(db, input.data, "environment");
    logger.info({ email: operator.email }, "first operator created from the environment");
    return "created";
  } catch (err) {
    // Another instance starting at the same moment created it first.
    if (err instanceof AppError && err.code === "conflict") return "exists";
    throw err;
  }
}
