import type { Db } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { AppError } from "../errors/app-error";
import { REPLAY_HEADER } from "./headers";

/** A repeat of an action within this long gets the first answer. */
export const ACTION_KEY_WINDOW_MS = 24 * 3600 * 1000;
const MAX_KEY_LENGTH = 200;
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
 * for it. Without the header the action simply runs. An answer of 5xx is not kept, so a
 * retry can succeed.
 */
export async function idempotentAction(db: Db, req: Request, scope: string, run: () => Promise<Response>, now: () => number = Date.now): Promise<Response> {
  const key = req.headers.get("idempotency-key");
  if (key === null) return run();
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) throw new AppError("bad_request", `The Idempotency-Key header has 1 to ${MAX_KEY_LENGTH} characters`);
  const id = `${scope}:${key}`;
  const { operatorAction } = db.prisma;
  const started = now();
  try {
    await operatorAction.create({ data: { id, createdAt: new Date(started) } });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    for (;;) {
      const first = await operatorAction.findUnique({ where: { id } });
      // Past the window the key is free again; the retention cleanup removes such rows in bulk.
      const expired = first !== null && first.createdAt.getTime() <= started - ACTION_KEY_WINDOW_MS;
      if (expired) await operatorAction.deleteMany({ where: { id, createdAt: first.createdAt } });
      if (!first || expired) return idempotentAction(db, req, scope, run, now);
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
