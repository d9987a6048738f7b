import { clientAddress } from "@/lib/auth/client-address";
import { isSecureRequest, sessionCookie } from "@/lib/auth/cookies";
import { signInSchema } from "@/lib/auth/credentials";
import { SESSION_TTL_MS } from "@/lib/auth/sessions";
import { createSignInThrottle, signIn } from "@/lib/auth/sign-in";
import { config } from "@/lib/config";
import { getReadyDb } from "@/lib/db/ready";
import { json, parseBody, route } from "@/lib/http/handler";
import { requestLogger } from "@/lib/http/request-log";

export const dynamic = "force-dynamic";

const throttle = createSignInThrottle();

/** 200 with the operator and a session cookie; 401 for wrong credentials; 429 with Retry-After when throttled or locked. */
export const POST = route(async (req) => {
  const input = await parseBody(req, signInSchema);
  const db = await getReadyDb();
  const address = clientAddress(req.headers, config().HOOKRELAY_TRUSTED_PROXIES);
  const signedIn = await signIn(db, input, { clientKey: address, throttle, userAgent: req.headers.get("user-agent") });
  requestLogger(req).info({ operatorId: signedIn.operator.id, from: address }, "operator signed in");
  return json(
    { operator: signedIn.operator, expiresAt: signedIn.expiresAt },
    { headers: { "Set-Cookie": sessionCookie(signedIn.token, { maxAgeMs: SESSION_TTL_MS, secure: isSecureRequest(req) }), "Cache-Control": "no-store" } },
  );
});
