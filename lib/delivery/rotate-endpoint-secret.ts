import { recordAudit } from "../auth/audit";
import type { Db } from "../db/client";
import { AppError, notFound } from "../errors/app-error";
import { generateEndpointSecret, secretHint, SECRET_ROTATION_GRACE_MS } from "./endpoint-secret";

export interface RotatedSecret {
  id: string;
  /** Shown once, like the secret given at creation. */
  secret: string;
  secretHint: string;
  /** Until then the sender signs with both secrets, so receivers can switch without a gap. */
  previousSecretExpiresAt: Date;
}

/**
 * Replaces the signing secret; the old one keeps signing for SECRET_ROTATION_GRACE_MS.
 * A second rotation within that window drops the oldest secret at once.
 */
export async function rotateEndpointSecret(db: Db, id: string, actor: string, now: Date = new Date()): Promise<RotatedSecret> {
  const current = await db.prisma.endpoint.findUnique({ where: { id }, select: { secret: true } });
  if (!current) throw notFound("Endpoint");
  const secret = generateEndpointSecret();
  const previousSecretExpiresAt = new Date(now.getTime() + SECRET_ROTATION_GRACE_MS);
  // Conditional on the secret read above: of two rotations at the same moment only one
  // wins, and the loser is told so instead of handing out a secret that was never saved.
  await db.prisma.$transaction(async (tx) => {
    const { count } = await tx.endpoint.updateMany({
      where: { id, secret: current.secret },
      data: { secret, previousSecret: current.secret, previousSecretExpiresAt },
    });
    if (count === 0) throw new AppError("conflict", "The secret was changed at the same moment; reload and rotate again");
    await recordAudit(tx, { actor, action: "endpoint.rotate_secret", targetType: "endpoint", targetId: id });
  });
  return { id, secret, secretHint: secretHint(secret), previousSecretExpiresAt };
}
