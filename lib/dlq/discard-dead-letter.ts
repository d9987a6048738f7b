import { recordAudit } from "../auth/audit";
import type { Db } from "../db/client";
import { AppError, notFound } from "../errors/app-error";
import { deadLetterSelect, toDeadLetterView, type DeadLetterView } from "./dead-letter-view";

/** Closes a pending letter without sending it; the row stays, for the record, and the audit row commits with it. */
export async function discardDeadLetter(db: Db, id: string, actor: string): Promise<DeadLetterView> {
  return db.prisma.$transaction(async (tx) => {
    const discarded = await tx.deadLetter.updateMany({ where: { id, status: "pending" }, data: { status: "discarded" } });
    const letter = await tx.deadLetter.findUnique({ where: { id }, select: deadLetterSelect });
    if (!letter) throw notFound("Dead letter");
    if (discarded.count === 0) {
      throw new AppError("conflict", `This dead letter is ${letter.status}; only pending letters can be discarded`, { details: { reason: "not_pending", status: letter.status } });
    }
    await recordAudit(tx, { actor, action: "dead_letter.discard", targetType: "dead_letter", targetId: id, details: { reason: letter.reason } });
    return toDeadLetterView(letter);
  });
}
