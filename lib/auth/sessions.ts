import type { Db, Tx } from "../db/client";
import { recordAudit } from "./audit";
import { randomToken, sha256Hex } from "./digest";

export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
// Writing lastSeenAt on every request would turn each page view into a database write.
const TOUCH_INTERVAL_MS = 60_000;

export interface SessionOperator {
  sessionId: string;
  operatorId: string;
  email: string;
}

/** Returns the cookie value, shown to the browser once; only its digest is stored. */
/** Takes a transaction client, so a sign-in's session and its audit row commit together. */
export async function createSession(db: Db | Tx, operatorId: string, options: { userAgent?: string | null; now?: Date } = {}): Promise<{ token: string; expiresAt: Date }> {
  const client = "prisma" in db ? db.prisma : db;
  const now = options.now ?? new Date();
  const token = randomToken(32);
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await client.operatorSession.create({
    data: { tokenHash: sha256Hex(token), operatorId, createdAt: now, lastSeenAt: now, expiresAt, userAgent: options.userAgent?.slice(0, 512) ?? null },
  });
  return { token, expiresAt };
}

/** The operator behind a session token, or null when it is unknown, expired or signed out. */
export async function resolveSession(db: Db, token: string, now = new Date()): Promise<SessionOperator | null> {
  const session = await db.prisma.operatorSession.findUnique({
    where: { tokenHash: sha256Hex(token) },
    select: { id: true, expiresAt: true, lastSeenAt: true, operator: { select: { id: true, email: true } } },
  });
  if (!session || session.expiresAt <= now) return null;
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    await db.prisma.operatorSession.updateMany({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  return { sessionId: session.id, operatorId: session.operator.id, email: session.operator.email };
}

/** Signing out deletes the row, so a copied cookie stops working at once. */
/** Signs out: the session ends and, when it was a live one, the sign-out is audited in the same transaction. */
export async function endSession(db: Db, token: string): Promise<void> {
  const session = await resolveSession(db, token);
  await db.prisma.$transaction(async (tx) => {
    await tx.operatorSession.deleteMany({ where: { tokenHash: sha256Hex(token) } });
    if (session) await recordAudit(tx, { actor: `operator:${session.email}`, action: "operator.sign_out", targetType: "operator", targetId: session.operatorId });
  });
}
