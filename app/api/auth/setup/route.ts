import { isSecureRequest, sessionCookie } from "@/lib/auth/cookies";
import { setupSchema } from "@/lib/auth/credentials";
import { createFirstOperator } from "@/lib/auth/first-operator";
import { createSession, SESSION_TTL_MS } from "@/lib/auth/sessions";
import { getReadyDb } from "@/lib/db/ready";
import { json, parseBody, route } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

/** Creates the first operator and signs them in: 201, or 409 once any operator exists. */
export const POST = route(async (req) => {
  const input = await parseBody(req, setupSchema);
  const db = await getReadyDb();
  const operator = await createFirstOperator(db, input, "setup_page");
  const session = await createSession(db, operator.id, { userAgent: req.headers.get("user-agent") });
  return json(
    { operator, expiresAt: session.expiresAt },
    { status: 201, headers: { "Set-Cookie": sessionCookie(session.token, { maxAgeMs: SESSION_TTL_MS, secure: isSecureRequest(req) }), "Cache-Control": "no-store" } },
  );
});
