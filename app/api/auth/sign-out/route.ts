import { clearedSessionCookie, isSecureRequest, readCookie, SESSION_COOKIE } from "@/lib/auth/cookies";
import { endSession } from "@/lib/auth/sessions";
import { getReadyDb } from "@/lib/db/ready";
import { route } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

/** 204 and an expired cookie, whether or not the session still existed: signing out twice is not an error. */
export const POST = route(async (req) => {
  const token = readCookie(req.headers, SESSION_COOKIE);
  if (token) await endSession(await getReadyDb(), token);
  return new Response(null, { status: 204, headers: { "Set-Cookie": clearedSessionCookie(isSecureRequest(req)), "Cache-Control": "no-store" } });
});
