import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { recordAudit } from "./audit";
import type { SignInInput } from "./credentials";
import { burnPasswordCheck, verifyPassword } from "./password";
import { createSession } from "./sessions";
import { delayAfterFailures, FREE_FAILURES } from "./sign-in-delay";
import { FailureThrottle } from "./throttle";

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

function tooManyAttempts(retryAfterMs: number, scope: "address" | "account"): AppError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  const wait = seconds < 120 ? `${seconds} second${seconds === 1 ? "" : "s"}` : `${Math.ceil(seconds / 60)} minutes`;
  const who = scope === "address" ? "from this address" : "for this account";
  return new AppError("rate_limited", `Too many failed sign-in attempts ${who}; try again in ${wait}`, { retryAfterSeconds: seconds });
}

type Reservation = { kind: "reserved"; failures: number } | { kind: "wait"; retryAfterMs: number };

const RESERVE_ROUNDS = 3;
const CONTENDED_RETRY_MS = 1_000;

/**
 * Takes the operator's next attempt before the password is checked, with a
 * compare-and-set on the failure count: the attempt counts as a failure (and pushes the
 * next one back by its delay) until it succeeds. Parallel guesses therefore queue on the
 * row, and past the free ones each has to wait its turn; none is checked early.
 */
async function reserveAttempt(db: Db, operatorId: string, now: Date): Promise<Reservation> {
  for (let round = 0; round < RESERVE_ROUNDS; round++) {
    const row = await db.prisma.operator.findUniqueOrThrow({ where: { id: operatorId }, select: { failedLogins: true, nextSignInAt: true } });
    if (row.nextSignInAt && row.nextSignInAt > now) return { kind: "wait", retryAfterMs: row.nextSignInAt.getTime() - now.getTime() };
    const failures = row.failedLogins + 1;
    const { count } = await db.prisma.operator.updateMany({
      where: { id: operatorId, failedLogins: row.failedLogins, OR: [{ nextSignInAt: null }, { nextSignInAt: { lte: now } }] },
      data: { failedLogins: failures, nextSignInAt: new Date(now.getTime() + delayAfterFailures(failures)) },
    });
    if (count === 1) return { kind: "reserved", failures };
  }
  // Other attempts took every turn meanwhile; this one comes back for a later one.
  return { kind: "wait", retryAfterMs: CONTENDED_RETRY_MS };
}

/**
 * Checks the password and opens a session. Throws 401 for wrong credentials, and 429
 * with Retry-After while the client address is throttled or the operator's next attempt
 * is delayed (even with the right password: the delay is what makes guessing slow).
 */
export async function signIn(db: Db, input: SignInInput, ctx: SignInContext): Promise<SignedIn> {
  const now = ctx.now ?? new Date();
  const throttled = ctx.throttle.retryAfterMs(ctx.clientKey, now.getTime());
  if (throttled > 0) throw tooManyAttempts(throttled, "address");

  const operator = await db.prisma.operator.findUnique({ where: { email: input.email }, select: { id: true, email: true, passwordHash: true } });
  if (!operator) {
    await burnPasswordCheck(input.password);
    ctx.throttle.fail(ctx.clientKey, now.getTime());
    throw new AppError("unauthorized", INVALID);
  }

  const turn = await reserveAttempt(db, operator.id, now);
  if (turn.kind === "wait") throw tooManyAttempts(turn.retryAfterMs, "account");

  if (!(await verifyPassword(input.password, operator.passwordHash))) {
    ctx.throttle.fail(ctx.clientKey, now.getTime());
    if (turn.failures === FREE_FAILURES + 1) {
      await recordAudit(db, { actor: "system", action: "operator.sign_in_delayed", targetType: "operator", targetId: operator.id, details: { email: operator.email, failures: turn.failures } });
    }
    throw new AppError("unauthorized", INVALID);
  }

  // The session and the audit row of the sign-in commit together.
  const session = await db.prisma.$transaction(async (tx) => {
    await tx.operator.update({ where: { id: operator.id }, data: { failedLogins: 0, nextSignInAt: null, lastLoginAt: now } });
    const created = await createSession(tx, operator.id, { userAgent: ctx.userAgent, now });
    await recordAudit(tx, { actor: `operator:${operator.email}`, action: "operator.sign_in", targetType: "operator", targetId: operator.id, details: { from: ctx.clientKey } });
    return created;
  });
  return { operator: { id: operator.id, email: operator.email }, ...session };
}
