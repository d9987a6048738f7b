import { actorFrom, requireOperator } from "@/lib/auth/actor";
import { readCookie, SESSION_COOKIE } from "@/lib/auth/cookies";
import { passwordChangeSchema } from "@/lib/auth/credentials";
import { changePassword } from "@/lib/auth/operators";
import { resolveSession } from "@/lib/auth/sessions";
import { getReadyDb } from "@/lib/db/ready";
import { noContent, parseBody, route } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

/** The signed-in operator's own password; their other sessions end, this one stays. */
export const POST = route(async (req) => {
  const operator = requireOperator(req);
  const input = await parseBody(req, passwordChangeSchema);
  const db = await getReadyDb();
  const token = readCookie(req.headers, SESSION_COOKIE);
  const session = token ? await resolveSession(db, token) : null;
  await changePassword(db, operator.id, session?.sessionId ?? null, input, actorFrom(req));
  return noContent();
});
