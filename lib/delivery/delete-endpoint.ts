import { recordAudit } from "../auth/audit";
import type { Db } from "../db/client";
import { isRecordNotFound } from "../db/errors";
import { notFound } from "../errors/app-error";

export interface DeletedEndpoint {
  id: string;
  deleted: true;
}

/**
 * Its deliveries and their attempts go with it (cascade); its dead letters stay, unlinked.
 * A letter being reprocessed would lose the delivery that settles it, so it goes back to
 * pending in the same transaction.
 */
export async function deleteEndpoint(db: Db, id: string, actor: string): Promise<DeletedEndpoint> {
  try {
    await db.prisma.$transaction(async (tx) => {
      await tx.deadLetter.updateMany({
        where: { endpointId: id, status: "reprocessing" },
        data: { status: "pending", errorDetails: "The endpoint was deleted while this letter was being reprocessed" },
      });
      await tx.endpoint.delete({ where: { id } });
      await recordAudit(tx, { actor, action: "endpoint.delete", targetType: "endpoint", targetId: id });
    });
    return { id, deleted: true };
  } catch (err) {
    if (isRecordNotFound(err)) throw notFound("Endpoint");
    throw err;
  }
}
