import type { Db } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { AppError, invalidRequest, notFound } from "../errors/app-error";
import { recordAudit } from "./audit";
import type { OperatorCreateInput, PasswordChangeInput } from "./credentials";
import { hashPassword, verifyPassword } from "./password";

export interface OperatorView {
  id: string;
  email: string;
  createdAt: Date;
  lastLoginAt: Date | null;
}

const viewSelect = { id: true, email: true, createdAt: true, lastLoginAt: true } as const;

export async function listOperators(db: Db): Promise<OperatorView[]> {
  return db.prisma.operator.findMany({ select: viewSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

/** Another person who may sign in; the audit row commits with them. */
export async function addOperator(db: Db, input: OperatorCreateInput, actor: string): Promise<OperatorView> {
  // Hashing is slow on purpose; done before the transaction so it holds no lock meanwhile.
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.prisma.$transaction(async (tx) => {
      const operator = await tx.operator.create({ data: { email: input.email, passwordHash }, select: viewSelect });
      await recordAudit(tx, { actor, action: "operator.create", targetType: "operator", targetId: operator.id, details: { email: operator.email } });
      return operator;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("conflict", `An operator with the e-mail ${input.email} already exists`);
    throw err;
  }
}

/**
 * Removes an operator and ends their sessions. Never the last one (nobody could sign in
 * again), and never yourself (ask another operator: a slip cannot lock you out).
 */
export async function removeOperator(db: Db, id: string, by: { operatorId: string; actor: string }): Promise<void> {
  if (id === by.operatorId) throw new AppError("conflict", "You cannot remove yourself; another operator can");
  return db.prisma.$transaction(
    async (tx) => {
      const operator = await tx.operator.findUnique({ where: { id }, select: { email: true } });
      if (!operator) throw notFound("Operator");
      if ((await tx.operator.count()) <= 1) throw new AppError("conflict", "The last operator cannot be removed");
      await tx.operator.delete({ where: { id } });
      await recordAudit(tx, { actor: by.actor, action: "operator.delete", targetType: "operator", targetId: id, details: { email: operator.email } });
    },
    { isolationLevel: "Serializable" },
  );
}

/**
 * Changes the signed-in operator's password after checking the current one, and ends their
 * other sessions: whoever knew the old password is signed out everywhere but here.
 */
export async function changePassword(db: Db, operatorId: string, keepSessionId: string | null, input: PasswordChangeInput, actor: string): Promise<void> {
  const operator = await db.prisma.operator.findUnique({ where: { id: operatorId }, select: { passwordHash: true } });
  if (!operator) throw notFound("Operator");
  if (!(await verifyPassword(input.currentPassword, operator.passwordHash))) {
    throw invalidRequest([{ path: "currentPassword", message: "The current password is not right" }]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.prisma.$transaction(async (tx) => {
    await tx.operator.update({ where: { id: operatorId }, data: { passwordHash } });
    await tx.operatorSession.deleteMany({ where: { operatorId, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) } });
    await recordAudit(tx, { actor, action: "operator.change_password", targetType: "operator", targetId: operatorId });
  });
}
