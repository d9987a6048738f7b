import { createHash } from "node:crypto";
import type { Db } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { AppError } from "../errors/app-error";
import { idempotencyKeyOf, REPLAY_HEADER } from "./headers";

/** A repeat of an action within this long gets the first answer. */
export const ACTION_KEY_WINDOW_MS = 24 * 3600 * 1000;
/** How long a repeat waits for the first request with its key to finish before being told to retry. */
const WAIT_FOR_FIRST_MS = 10_000;
const POLL_MS = 100;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function stored(status: number, body: string): Response {
  return new Response(body, { status, headers: { "content-type": "application/json", [REPLAY_HEADER]: "true" } });
}

/**
 * Runs an operator's action at most once per `Idempotency-Key` (scoped to the action), as
 * a provider's event is processed at most once per its id: a repeat within the window,
 * say a retried request or a second click, gets the first answer, marked
 * `Idempotent-Replayed: true`, and a repeat that arrives while the first still runs waits
 * for it. A repeat that asks something else (another body under the same key) is refused
 * with 422, as POST /api/messages does. Without the header the action simply runs. An
 * answer of 5xx is not kept, so a retry can succeed.
 */
export async function idempotentAction(db: Db, req: Request, action: { scope: string; request: unknown }, run: () => Promise<Response>, now: () => number = Date.now): Promise<Response> {
  const key = idempotencyKeyOf(req.headers);
  if (key === null) return run();
  const id = `${action.scope}:${key}`;
  // The parsed request, so key order and whitespace in what the client sent do not matter.
  const requestHash = createHash("sha256").update(JSON.stringify(action.request ?? null)).digest("hex");
  const { operatorAction } = db.prisma;
  const started = now();
  try {
    await operatorAction.create({ data: { id, requestHash, createdAt: new Date(started) } });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    for (;;) {
      const first = await operatorAction.findUnique({ where: { id } });
      // Past the window the key is free again; the retention cleanup removes such rows in bulk.
      const expired = first !== null && first.createdAt.getTime() <= started - ACTION_KEY_WINDOW_MS;
      if (expired) await operatorAction.deleteMany({ where: { id, createdAt: first.createdAt } });
      if (!first || expired) return idempotentAction(db, req, action, run, now);
      if (first.requestHash !== requestHash) throw new AppError("idempotency_mismatch", "This Idempotency-Key was already used for a different request");
      if (first.status !== null && first.body !== null) return stored(first.status, first.body);
      if (now() - started >= WAIT_FOR_FIRST_MS) {
        throw new AppError("in_progress", "The same action is still running from an earlier request; retry shortly", { retryAfterSeconds: 1 });
      }
      await sleep(POLL_MS);
    }
  }
  let res: Response;
  try {
    res = await run();
  } catch (err) {
    await operatorAction.deleteMany({ where: { id } });
    throw err;
  }
  if (res.status >= 500) await operatorAction.deleteMany({ where: { id } });
  else await operatorAction.update({ where: { id }, data: { status: res.status, body: await res.clone().text() } });
  return res;
}
