import type { Db } from "../db/client";
import { isRecordNotFound } from "../db/errors";
import { notFound } from "../http/errors";

export interface DeletedEndpoint {
  id: string;
  deleted: true;
}

/** Its deliveries and their attempts go with it (cascade); its dead letters stay, unlinked. */
export async function deleteEndpoint(db: Db, id: string): Promise<DeletedEndpoint> {
  try {
    await db.prisma.endpoint.delete({ where: { id } });
    return { id, deleted: true };
  } catch (err) {
    if (isRecordNotFound(err)) throw notFound("Endpoint");
    throw err;
  }
}
