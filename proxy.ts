import type { NextRequest } from "next/server";
import { guard } from "@/lib/auth/guard";
import { databaseLookups } from "@/lib/auth/lookups";
import { getReadyDb } from "@/lib/db/ready";

// Every request but Next's static files passes here: operators' pages and APIs need a
// session or an API token; webhooks, health and sign-in do not (lib/auth/access.ts).
const lookups = databaseLookups(getReadyDb);

export function proxy(req: NextRequest): Promise<Response> {
  return guard(req, lookups);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image).*)"],
};
