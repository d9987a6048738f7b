import { actorFrom, requireOperator } from "@/lib/auth/actor";
import { apiTokenCreateSchema } from "@/lib/auth/credentials";
import { createApiToken, listApiTokens } from "@/lib/auth/tokens";
import { getReadyDb } from "@/lib/db/ready";
import { json, parseBody, route } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

export const GET = route(async (req) => {
  requireOperator(req);
  return json(await listApiTokens(await getReadyDb()));
});

/** 201 with the token itself, the only time it is ever shown. */
export const POST = route(async (req) => {
  const operator = requireOperator(req);
  const input = await parseBody(req, apiTokenCreateSchema);
  const db = await getReadyDb();
  const created = await createApiToken(db, { name: input.name, createdBy: operator.email }, actorFrom(req));
  return json(created, { status: 201, headers: { "Cache-Control": "no-store" } });
});
