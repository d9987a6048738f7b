import { actorFrom, requireOperator } from "@/lib/auth/actor";
import { operatorCreateSchema } from "@/lib/auth/credentials";
import { addOperator, listOperators } from "@/lib/auth/operators";
import { getReadyDb } from "@/lib/db/ready";
import { json, parseBody, route } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

export const GET = route(async () => json({ data: await listOperators(await getReadyDb()) }));

/** 201 with the new operator; they sign in with the password given here. Only a person may add one, not a program's token. */
export const POST = route(async (req) => {
  requireOperator(req);
  const input = await parseBody(req, operatorCreateSchema);
  return json(await addOperator(await getReadyDb(), input, actorFrom(req)), { status: 201 });
});
