import type { Db } from "../db/client";
import { AppError } from "../http/errors";
import { recordAudit } from "./audit";
import type { SignInInput } from "./credentials";
import { burnPasswordCheck, verifyPassword } from "./password";
import { createSession } from "./sessions";
import { FailureThrottle } from "./throttle";

export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

// The same words for an unknown e-mail and a wrong password: the answer must not tell
// an attacker which addresses are operators.
const INVALID = "The e-mail address or password is incorrect";

/** Failed sign-ins per client address: 20 in 15 minutes, across all e-mail addresses tried. */
export function createSignInThrottle(): FailureThrottle {
  return new FailureThrottle(20, 15 * 60 * 1000);
}

export interface SignInContext {
  clientKey: string;
  throttle: FailureThrottle;
  userAgent?: string | null;
  now?: Date;
}

export interface SignedIn {
  operator: { id: string; email: string };
  token: string;
  expiresAt: Date;
}

function tooManyAttempts(retryAfterMs: number): AppError {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return new AppError("rate_limited", `Too many failed sign-in attempts; try again in ${minutes} minute${minutes === 1 ? "" : "s"}`, {
    retryAfterSeconds: Math.ceil(retryAfterMs / 1000),
  });
}

/**
 * Counts a failure and locks the operator on the fifth in a row. The increment is atomic,
 * so parallel guesses cannot slip past the limit; the count restarts once locked.
 */
async function recordFailure(db: Db, operator: { id: string; email: string }, now: Date): Promise<boolean> {
  const { failedLogins } = await db.prisma.operator.update({ where: { id: operator.id }, data: { failedLogins: { increment: 1 } }, select: { failedLogins: true } });
  if (failedLogins < MAX_FAILED_SIGN_INS) return false;
  const lockedUntil = new Date(now.getTime() + LOCKOUT_MS);
  await db.prisma.operator.update({ where: { id: operator.id }, data: { failedLogins: 0, lockedUntil } });
  await recordAudit(db, { actor: "system", action: "operator.locked", targetType: "operator", targetId: operator.id, details: { email: operator.email, lockedUntil, failures: failedLogins } });
  return true;
}

/**
 * Checks the password and opens a session. Throws 401 for wrong credentials, 429 with
 * Retry-After while the client address is throttled or the operator is locked; a locked
 * operator is refused even with the right password until the lock expires.
 */
export async function signIn(db: Db, input: SignInInput, ctx: SignInContext): Promise<SignedIn> {
  const now = ctx.now ?? new Date();
  const throttled = ctx.throttle.retryAfterMs(ctx.clientKey, now.getTime());
  if (throttled > 0) throw tooManyAttempts(throttled);

  const operator = await db.prisma.operator.findUnique({ where: { email: input.email } });
  if (!operator) {
    await burnPasswordCheck(input.password);
    ctx.throttle.fail(ctx.clientKey, now.getTime());
    throw new AppError("unauthorized", INVALID);
  }
  if (operator.lockedUntil && operator.lockedUntil > now) throw tooManyAttempts(operator.lockedUntil.getTime() - now.getTime());

  if (!(await verifyPassword(input.password, operator.passwordHash))) {
    ctx.throttle.fail(ctx.clientKey, now.getTime());
    const locked = await recordFailure(db, operator, now);
    throw locked ? tooManyAttempts(LOCKOUT_MS) : new AppError("unauthorized", INVALID);
  }

  // Fenced on the lock: a right guess racing the wrong ones that locked the account loses.
  const notLocked = { OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] };
  const { count } = await db.prisma.operator.updateMany({ where: { id: operator.id, ...notLocked }, data: { failedLogins: 0, lockedUntil: null, lastLoginAt: now } });
  if (count === 0) throw tooManyAttempts(LOCKOUT_MS);
  const session = await createSession(db, operator.id, { userAgent: ctx.userAgent, now });
  return { operator: { id: operator.id, email: operator.email }, ...session };
}
