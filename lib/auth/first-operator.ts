import type { Db } from "../db/client";
import { isUniqueViolation, prismaErrorCode } from "../db/errors";
import { AppError } from "../errors/app-error";
import { recordAudit } from "./audit";
import type { SetupInput } from "./credentials";
import { hashPassword } from "./password";

const ALREADY_SET_UP = "Hookrelay already has an operator; sign in instead";

/**
 * Creates the first operator, and only the first: the check and the insert run in one
 * serializable transaction, so two setup requests racing each other (or racing a second
 * instance's environment bootstrap) cannot both create one.
 */
export async function createFirstOperator(db: Db, input: SetupInput, via: "setup_page" | "environment"): Promise<{ id: string; email: string }> {
  // Hashing is slow on purpose; do it before the transaction so the lock is held briefly.
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.prisma.$transaction(
      async (tx) => {
        if ((await tx.operator.count()) > 0) throw new AppError("conflict", ALREADY_SET_UP);
        const operator = await tx.operator.create({ data: { email: input.email, passwordHash }, select: { id: true, email: true } });
        const actor = via === "environment" ? "system" : `operator:${operator.email}`;
        await recordAudit(tx, { actor, action: "operator.create", targetType: "operator", targetId: operator.id, details: { email: operator.email, via } });
        return operator;
      },
      { isolationLevel: "Serializable" },
    );
  } catch (err) {
    if (err instanceof AppError) throw err;
    // A losing racer can fail in several ways (unique violation, serialization failure,
    // or a transaction that could not start under load); whichever it was, if another
    // request created the operator meanwhile, the answer is the same 409.
    if (isUniqueViolation(err) || prismaErrorCode(err) === "P2034" || (await hasOperator(db))) throw new AppError("conflict", ALREADY_SET_UP);
    throw err;
  }
}

export async function hasOperator(db: Db): Promise<boolean> {
  return (await db.prisma.operator.count()) > 0;
}
