import { readCookie, SESSION_COOKIE } from "@/lib/auth/cookies";
import { resolveSession } from "@/lib/auth/sessions";
import { getReadyDb } from "@/lib/db/ready";
import { AppError } from "@/lib/errors/app-error";
import { json, route } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

/** The signed-in operator, or 401: lets the dashboard show who is signed in. */
export const GET = route(async (req) => {
  const token = readCookie(req.headers, SESSION_COOKIE);
  const session = token ? await resolveSession(await getReadyDb(), token) : null;
  if (!session) throw new AppError("unauthorized", "Not signed in");
  return json({ operator: { id: session.operatorId, email: session.email } }, { headers: { "Cache-Control": "no-store" } });
});
