import { getReadyDb } from "@/lib/db/ready";
import { actorFrom } from "@/lib/auth/actor";
import { createPolicy, listPolicies } from "@/lib/delivery/policies";
import { policyCreateSchema } from "@/lib/delivery/policy-schema";
import { json, parseBody, route } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

export const GET = route(async () => json(await listPolicies(await getReadyDb())));

export const POST = route(async (req) => {
  const input = await parseBody(req, policyCreateSchema);
  const db = await getReadyDb();
  return json(await createPolicy(db, input, actorFrom(req)), { status: 201 });
});
